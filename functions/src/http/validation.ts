import type * as z from 'zod';
import { Invalid } from '../errors.js';

/** Parses input with a zod schema; the first issue becomes a 400 naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query' | 'params'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // An unknown key is reported on the key itself, so the caller knows what to remove.
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
  const field = [where, ...path.map(String)].join('.');
  throw new Invalid(`输入有误（${field}）：${zhMessage(issue)}`, `Invalid ${field}: ${issue.message}`, field);
}

function zhMessage(issue: z.core.$ZodIssue): string {
  // Our schemas write their own messages in Chinese; those say it best.
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必须填写' : `类型应为 ${issue.expected}`;
    case 'unrecognized_keys':
      return '不认识的字段';
    case 'too_small':
      return '太短或太小';
    case 'too_big':
      return '太长或太大';
    case 'invalid_format':
    case 'invalid_value':
      return '格式或取值不对';
    default:
      return '格式或取值不对';
  }
}
