/**
 * A form in short steps (few fields a screen), checked with the API's own schema: 下一步 stays on
 * a step while its fields have problems; 保存 checks every field and goes back to the first step
 * with one; a problem the server finds goes back to the step of its field, under it.
 */
import { useState } from 'react';
import type * as z from 'zod';
import { errorText, isApiError } from '../api/client';

export function useSteppedForm<S extends z.ZodType>(
  schema: S,
  input: () => unknown,
  /** Which step asks each top-level field. */
  stepOf: Readonly<Record<string, number>>,
) {
  const last = Math.max(...Object.values(stepOf));
  const [step, setStep] = useState(1);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** The problems of the fields up to `upTo`, shown under them. */
  const check = (upTo: number) => {
    const parsed = schema.safeParse(input());
    const found: Record<string, string> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        if ((stepOf[field] ?? last) <= upTo && !found[field])
          found[field] = issue.message.startsWith('Invalid') ? '请填写或选择' : issue.message;
      }
    }
    setErrors(found);
    return Object.keys(found);
  };

  const next = (from: number) => {
    if (check(from).some((field) => stepOf[field] === from)) return;
    setStep(from + 1);
  };

  /** Checks everything, then sends what the schema made of the input. */
  const save = async (send: (valid: z.infer<S>) => Promise<void>) => {
    setFailure(null);
    const wrong = check(last);
    if (wrong.length) {
      setStep(Math.min(...wrong.map((f) => stepOf[f] ?? last)));
      return;
    }
    setBusy(true);
    try {
      await send(schema.parse(input()));
    } catch (error) {
      // body.labourDemand.0.count → labourDemand: the field of the form that holds it.
      const field = isApiError(error) ? error.field?.split('.')[1] : undefined;
      if (field && stepOf[field]) {
        setErrors({ [field]: errorText(error) });
        setStep(stepOf[field]);
      } else setFailure(`没能保存：${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return { step, setStep, errors, failure, busy, next, save };
}
