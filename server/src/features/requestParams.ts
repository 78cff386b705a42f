import { z } from 'zod';

/**
 * The shape of the parameters of every method the server handles, checked before a handler
 * sees them (features/requestGuard.ts). Only what the handlers read is required; anything
 * else a client sends along is let through.
 */

const uinteger = z.int().min(0).max(2 ** 31 - 1);
const uri = z.string().min(1);
const position = z.object({ line: uinteger, character: uinteger });
const range = z.object({ start: position, end: position });
const textDocument = z.object({ uri });
const documentParams = z.object({ textDocument });
const positionParams = documentParams.extend({ position });
const diagnostic = z.object({
  range,
  message: z.string(),
  code: z.union([z.string(), z.number()]).optional(),
  source: z.string().optional(),
});

const PARAMS: Record<string, z.ZodType> = {
  initialize: z.object({
    capabilities: z.object({}),
    rootUri: z.string().nullable().optional(),
    workspaceFolders: z.array(z.object({ uri: z.string(), name: z.string() })).nullable().optional(),
  }),
  'textDocument/didOpen': z.object({ textDocument: z.object({ uri, languageId: z.string(), version: z.int(), text: z.string() }) }),
  'textDocument/didChange': z.object({
    textDocument: z.object({ uri, version: z.int() }),
    contentChanges: z.array(z.union([z.object({ range, text: z.string() }), z.object({ text: z.string() })])),
  }),
  'textDocument/didClose': documentParams,
  'textDocument/didSave': documentParams,
  'workspace/didChangeWatchedFiles': z.object({ changes: z.array(z.object({ uri, type: z.union([z.literal(1), z.literal(2), z.literal(3)]) })) }),
  'textDocument/diagnostic': documentParams,
  'textDocument/completion': positionParams,
  'textDocument/hover': positionParams,
  'textDocument/definition': positionParams,
  'textDocument/references': positionParams,
  'textDocument/documentSymbol': documentParams,
  'textDocument/foldingRange': documentParams,
  'textDocument/documentLink': documentParams,
  'textDocument/codeLens': documentParams,
  'textDocument/codeAction': documentParams.extend({
    range,
    context: z.object({ diagnostics: z.array(diagnostic), only: z.array(z.string()).optional() }),
  }),
  'codeAction/resolve': z.object({ title: z.string() }),
  // The data is what features/codeLens.ts put on the lens: its document and section.
  'codeLens/resolve': z.object({ range, data: z.object({ uri, section: uinteger }) }),
  'workspace/symbol': z.object({ query: z.string() }),
  'outcome/documentInfo': z.object({ uri }),
  'outcome/topicHistory': z.object({ query: z.string(), offset: uinteger.optional(), limit: uinteger.optional() }),
  'outcome/preview': z.object({ uri, initials: z.string().optional(), directorate: z.string().optional(), since: z.number().int().optional() }),
  'outcome/export': z.object({
    uri,
    format: z.enum(['docx', 'pdf']),
    target: z.string().min(1),
    initials: z.string().optional(),
    directorate: z.string().optional(),
    libreOffice: z.string().optional(),
  }),
  'outcome/archiveText': z.object({ uri }),
};

/** What is wrong with `params` for `method`, in a few words; undefined when they will do. */
export function paramsProblem(method: string, params: unknown): string | undefined {
  const schema = PARAMS[method];
  if (!schema) return undefined;
  const r = schema.safeParse(params);
  if (r.success) return undefined;
  const issue = r.error.issues[0];
  const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return `${where || 'params'}: ${issue.message}`;
}

