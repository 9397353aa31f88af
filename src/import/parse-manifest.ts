import { manifestSchema, type Manifest } from '../contract';
import { FileRejected, type Problem } from './problems';

/** Validates a manifest against the one schema, turning each schema issue into a problem with its path. */
export function parseManifest(file: string, json: unknown): Manifest {
  const result = manifestSchema.safeParse(json);
  if (result.success) return result.data;
  const problems: Problem[] = result.error.issues.slice(0, 20).map((issue) => {
    const path = issue.path.join('.');
    return {
      file,
      severity: 'error',
      ...(path ? { column: path } : {}),
      message: `${path || 'the manifest'} ${issue.message.replace(/^Invalid input: /, 'is invalid: ')}.`,
      fix: 'See "Data contract: manifest" in docs/data-contract.md for what each field holds.',
    };
  });
  throw new FileRejected(problems);
}
