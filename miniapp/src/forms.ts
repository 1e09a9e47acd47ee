/**
 * What the form models share: the contract's zod issues read as problems of the form's own
 * fields, the first one per field, in words the person at the phone reads.
 */

/** A zod issue, as much of it as a form reads. */
export interface Issue {
  path: PropertyKey[];
  code: string;
  message: string;
}

/** Whether the schema's own words are Chinese, and so fit to show as they are. */
export const isChinese = (text: string) => /\p{Script=Han}/u.test(text);

/** The API names a field `body.pay.minFen` (a zod path joined by dots is the same): its parts below the body. */
export const fieldPath = (field: string | undefined): string[] => (field ?? '').split('.').filter((p) => p !== 'body');

/** An issue's path as the API would name its field. */
export const pathOf = (issue: Issue): string => issue.path.map(String).join('.');

/** Which of a form's fields (the keys of `fields`) the API's `field` names. */
export function fieldIn<K extends string>(fields: Record<K, unknown>, field: string | undefined): K | undefined {
  const top = fieldPath(field)[0];
  return top !== undefined && Object.hasOwn(fields, top) ? (top as K) : undefined;
}

/**
 * The usual `explain` for `problemsOf`: the field `keyOf` names, and the form's own words for
 * it, unless `schemaSaysItBest` prefers the schema's (when they are Chinese).
 */
export function explainer<K extends string>(
  keyOf: (field: string) => K | undefined,
  messages: Record<K, string>,
  schemaSaysItBest: (key: K, issue: Issue) => boolean,
): (issue: Issue) => [K, string] | undefined {
  return (issue) => {
    const key = keyOf(pathOf(issue));
    if (!key) return undefined;
    return [key, schemaSaysItBest(key, issue) && isChinese(issue.message) ? issue.message : messages[key]];
  };
}

/**
 * Each field's first problem among `issues`, for the fields `wanted` keeps. `explain` says
 * which field an issue is about and what to tell the person (undefined: not a field of the form).
 */
export function problemsOf<K extends string>(
  issues: readonly Issue[],
  explain: (issue: Issue) => [K, string] | undefined,
  wanted: (key: K) => boolean,
): Partial<Record<K, string>> {
  const problems: Partial<Record<K, string>> = {};
  for (const issue of issues) {
    const explained = explain(issue);
    if (explained && wanted(explained[0])) problems[explained[0]] ??= explained[1];
  }
  return problems;
}
