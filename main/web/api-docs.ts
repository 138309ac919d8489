// docs/api.md is generated from the contract (npm run docs:api); a test fails when it drifts.
import { z } from 'zod';
import { channels, events, ROLE_LABELS, type Access } from '../../shared/contract';

function access(a: Access): string {
  if (a === 'public') return 'public (no login)';
  if (a === 'authenticated') return 'any logged-in operator';
  return a.map((r) => `${r} (${ROLE_LABELS[r]})`).join(', ');
}

function schema(s: z.ZodType, io: 'input' | 'output'): string {
  return JSON.stringify(z.toJSONSchema(s, { io, unrepresentable: 'any' }), null, 2);
}

export function renderApiDocs(): string {
  const out: string[] = [
    '# yibao-desk HTTP API (browser mode)',
    '',
    '<!-- Generated from shared/contract by `npm run docs:api`. Do not edit by hand: test/web/api-docs.test.ts fails when this file and the contract differ. -->',
    '',
    'Browser mode serves the same contract as Electron IPC, through the same dispatcher (`main/app/dispatch.ts`).',
    '',
    '- Bound to `127.0.0.1` only; requests whose `Host` is not `127.0.0.1:<port>` or `localhost:<port>` get 421.',
    '- `POST /api/<channel>` with a JSON body (the request below). Header `x-desk-token` must carry the per-start token that the host',
    '  embeds in the served page as `<meta name="desk-token">`; without it: 403. After `auth.login`, send `authorization: Bearer <token>`.',
    '- Every answer is HTTP 200 with a Result: `{"ok":true,"value":…}` or `{"ok":false,"code":…,"message":"…","fields":{"path":"…"}}`.',
    '  `code` is one of UNKNOWN_CHANNEL, INVALID_REQUEST, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, BUSINESS_RULE, UNAVAILABLE, INTERNAL;',
    '  `message` and `fields` are Chinese, for the operator. Transport-level problems use 400 (malformed JSON), 403, 405, 413 with the same shape.',
    '- `GET /api/events?token=<desk token>`: a Server-Sent Events stream; each event is `event: <name>` + `data: <json payload>`.',
    '- `GET /api/health`: `{"ok":true}` when the host is up.',
    '',
    '## Channels',
    '',
  ];
  for (const [name, def] of Object.entries(channels)) {
    out.push(`### \`${name}\``, '', def.summary, '', `Access: ${access(def.access)}`, '', 'Request:', '', '```json', schema(def.request, 'input'), '```', '', 'Response value:', '', '```json', schema(def.response, 'output'), '```', '');
  }
  out.push('## Events', '');
  for (const [name, payload] of Object.entries(events)) {
    out.push(`### \`${name}\``, '', '```json', schema(payload, 'output'), '```', '');
  }
  return out.join('\n');
}
