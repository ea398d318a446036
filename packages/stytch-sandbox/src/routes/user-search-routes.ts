/**
 * `POST /v1/users/search`: filters `email_address`, `email_address_fuzzy`, `user_id` and `status`,
 * combined with `AND` or `OR`; `limit` (1..1000, default 100) and an opaque `cursor` to page on.
 */
import { readFields } from '../http/read-fields.js';
import type { Route } from '../http/route.js';
import { fail } from '../http/stytch-error.js';
import { presentUser } from '../present/present-user.js';
import type { UserRecord } from '../state/records.js';

type Operand = { filter_name?: unknown; filter_value?: unknown };

/** A predicate for one search operand, or a 400 for a filter the sandbox does not know. */
function predicate(operand: Operand): (user: UserRecord) => boolean {
  const value = operand.filter_value;
  const list = (Array.isArray(value) ? value : [value])
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.toLowerCase());
  switch (operand.filter_name) {
    case 'email_address':
      return (user) => list.includes(user.email);
    case 'email_address_fuzzy':
      return (user) => list.some((part) => user.email.includes(part));
    case 'user_id':
      return (user) => list.includes(user.userId.toLowerCase());
    case 'status':
      return () => list.includes('active');
    default:
      fail(
        400,
        'invalid_search_query',
        `filter_name ${String(operand.filter_name)} is not supported by the sandbox.`,
      );
  }
}

/** The user search endpoint. */
export const userSearchRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/v1/users/search',
    handle({ state, body }) {
      const fields = readFields({ body });
      const limit = fields.optionalInteger('limit', 1, 1000) ?? 100;
      const cursor = fields.optionalString('cursor');
      const query = fields.object('query') as { operator?: unknown; operands?: unknown };
      const operands = Array.isArray(query.operands) ? (query.operands as Operand[]).map(predicate) : [];
      const any = String(query.operator ?? 'AND').toUpperCase() === 'OR';
      const matches = [...state.users.values()]
        .filter(
          (user) =>
            operands.length === 0 || (any ? operands.some((p) => p(user)) : operands.every((p) => p(user))),
        )
        .sort((a, b) => a.createdAt - b.createdAt || a.userId.localeCompare(b.userId));
      const offset =
        cursor === undefined ? 0 : Number.parseInt(Buffer.from(cursor, 'base64url').toString('utf8'), 10);
      if (!Number.isInteger(offset) || offset < 0) fail(400, 'invalid_cursor', 'The cursor is not valid.');
      const page = matches.slice(offset, offset + limit);
      const next =
        offset + limit < matches.length ? Buffer.from(String(offset + limit)).toString('base64url') : null;
      return {
        results: page.map((user) => presentUser({ state, user })),
        results_metadata: { total: matches.length, next_cursor: next },
      };
    },
  },
];
