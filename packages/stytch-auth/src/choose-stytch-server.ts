/** Stytch's live API, used for projects whose id starts with `project-live-`. */
export const STYTCH_LIVE_URL = 'https://api.stytch.com';

/** Stytch's test API, used for every other project id. */
export const STYTCH_TEST_URL = 'https://test.stytch.com';

/** Options of {@link chooseStytchServer}. */
export interface ChooseStytchServerOptions {
  /** The project id; `project-live-…` selects the live API. */
  readonly projectId?: string;
  /** An explicit base URL (a sandbox, a proxy): wins over the project id. */
  readonly baseUrl?: string;
}

/**
 * The base URL Stytch requests go to. As Stytch's SDKs do: live only for `project-live-` ids, the
 * test environment otherwise (also when no id is known, so nothing reaches live by accident).
 */
export function chooseStytchServer(options: ChooseStytchServerOptions): string {
  if (options.baseUrl !== undefined && options.baseUrl !== '') return options.baseUrl.replace(/\/+$/, '');
  return options.projectId?.startsWith('project-live-') === true ? STYTCH_LIVE_URL : STYTCH_TEST_URL;
}
