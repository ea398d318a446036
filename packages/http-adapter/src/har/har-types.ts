/** A name/value pair of HAR 1.2 (headers, query string, cookies, form params). */
export interface HarNameValue {
  readonly name: string;
  readonly value: string;
}

/** HAR 1.2 request. */
export interface HarRequest {
  readonly method: string;
  readonly url: string;
  readonly httpVersion: string;
  readonly cookies: readonly HarNameValue[];
  readonly headers: readonly HarNameValue[];
  readonly queryString: readonly HarNameValue[];
  readonly postData?: {
    readonly mimeType: string;
    readonly text: string;
    readonly params?: readonly HarNameValue[];
  };
  readonly headersSize: number;
  readonly bodySize: number;
}

/** HAR 1.2 response. */
export interface HarResponse {
  readonly status: number;
  readonly statusText: string;
  readonly httpVersion: string;
  readonly cookies: readonly HarNameValue[];
  readonly headers: readonly HarNameValue[];
  readonly content: {
    readonly size: number;
    readonly mimeType: string;
    readonly text?: string;
    readonly encoding?: string;
  };
  readonly redirectURL: string;
  readonly headersSize: number;
  readonly bodySize: number;
}

/** HAR 1.2 timings (ms; -1 when not applicable). */
export interface HarTimings {
  readonly blocked: number;
  readonly dns: number;
  readonly connect: number;
  readonly ssl: number;
  readonly send: number;
  readonly wait: number;
  readonly receive: number;
}

/** HAR 1.2 entry: one request/response exchange (`_error` set when no response came). */
export interface HarEntry {
  readonly startedDateTime: string;
  readonly time: number;
  readonly request: HarRequest;
  readonly response: HarResponse;
  readonly cache: Record<string, never>;
  readonly timings: HarTimings;
  readonly serverIPAddress?: string;
  readonly _error?: { readonly code: string; readonly message: string };
}

/** A HAR 1.2 document (`{log: ...}`). */
export interface HarLog {
  readonly log: {
    readonly version: '1.2';
    readonly creator: { readonly name: string; readonly version: string };
    readonly entries: readonly HarEntry[];
  };
}
