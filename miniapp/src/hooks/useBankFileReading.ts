/**
 * A bank's file picked and read by the API before anything is recorded (its return file, its
 * 代发结果): the reader's state — nothing picked yet (or why the last could not be read), or the
 * file and its reading — and the pick that moves from one to the other. `Done` is any further state
 * a reader has (e.g. what it recorded).
 */
import { useState } from 'react';
import { errorText, type PickedFile } from '../api/client';
import { pickBankFile } from '../api/pickSpreadsheet';

export type BankFileState<Reading, Done = never> =
  { step: 'idle'; failure?: string } | { step: 'read'; file: PickedFile; reading: Reading; failure?: string } | Done;

export function useBankFileReading<Reading, Done = never>(maxBytes: number, read: (file: PickedFile) => Promise<Reading>) {
  const [state, setState] = useState<BankFileState<Reading, Done>>({ step: 'idle' });
  const [busy, setBusy] = useState(false);
  const pick = async () => {
    const picked = await pickBankFile(maxBytes);
    if (!picked) return;
    if ('failure' in picked) return setState({ step: 'idle', failure: picked.failure });
    setBusy(true);
    try {
      setState({ step: 'read', file: picked.file, reading: await read(picked.file) });
    } catch (error) {
      setState({ step: 'idle', failure: errorText(error) });
    }
    setBusy(false);
  };
  return { state, setState, busy, setBusy, pick };
}
