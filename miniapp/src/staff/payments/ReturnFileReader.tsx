/**
 * 读银行回盘文件: the payer picks the bank's return file, sees what it says against the batch (what
 * arrived, what came back and why, rows it does not list, anything that does not match), and only
 * then records its returns in one tap; the same file, by its digest. While anything does not match,
 * there is nothing to tap: the page says what to check with the bank.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatYuan, RETURN_FILE_MAX_BYTES } from '@bangfu/shared';
import { errorText } from '../../api/client';
import { readReturnFile, type ReturnFileReading } from '../../api/payments';
import { ActionButton } from '../../components/ActionButton';
import { FileProblems } from '../../components/FileProblems';
import { Notice } from '../../components/Page';
import { useBankFileReading } from '../../hooks/useBankFileReading';

type Recorded = { step: 'recorded'; reading: ReturnFileReading; recorded: number };

function Returns({ reading }: { reading: ReturnFileReading }) {
  const { returns } = reading;
  if (returns.count === 0) return null;
  return (
    <View data-testid="returnfile-returns">
      <View className="bf-strong">
        银行退回：{returns.count} 份，{formatYuan(returns.fen)}
      </View>
      {returns.shown.map((r) => (
        <View key={r.claimId} className="bf-row__line" data-testid={`returnfile-return-${r.row}`}>
          第 {r.row} 行 · {r.name} · {formatYuan(r.amountFen)}：{r.reason}（流水号 {r.bankReference}）
          {r.recorded ? '，已登记' : ''}
        </View>
      ))}
      {returns.count > returns.shown.length ? <View className="bf-hint">只列出前 {returns.shown.length} 份。</View> : null}
    </View>
  );
}

function Reading({ reading }: { reading: ReturnFileReading }) {
  const { paid, unlisted, problems } = reading;
  return (
    <>
      <Notice testId="returnfile-reading">
        <View className="bf-strong">
          银行说已到账：{paid.count} 份，{formatYuan(paid.fen)}
        </View>
        <Returns reading={reading} />
        {unlisted.count > 0 ? (
          <View data-testid="returnfile-unlisted">
            文件里没有的：{unlisted.count} 份（第 {unlisted.rows.join('、')} 行）。有的银行只发回没到账的，没列出的请和银行核对。
          </View>
        ) : null}
      </Notice>
      {paid.count === 0 && unlisted.count === 0 && reading.returns.count >= 2 ? (
        // Every payment back at once is more often the bank's own trouble (the file's format) than every card's.
        <Notice tone="error" testId="returnfile-all-returned">
          整批都被退回了。如果是银行那边的原因（比如文件格式不对），请先和银行核对，不要登记：登记以后，这些人的卡都要村里重新核对、确认。
        </Notice>
      ) : null}
      <FileProblems
        problems={problems}
        intro={`有 ${problems.count} 处和这一批对不上，一笔也不能登记。请和银行核对，或选这一批的回盘文件：`}
        testId="returnfile-problems"
      />
    </>
  );
}

export function ReturnFileReader({ batchId, onRecorded }: { batchId: string; onRecorded: () => void }) {
  const { state, setState, busy, setBusy, pick } = useBankFileReading<ReturnFileReading, Recorded>(
    RETURN_FILE_MAX_BYTES,
    (file) => readReturnFile(batchId, file),
  );

  const record = async () => {
    if (state.step !== 'read') return;
    setBusy(true);
    let recorded = 0;
    try {
      // The server records up to 50 a request: a whole batch sent back takes a few.
      let reading: ReturnFileReading;
      do {
        reading = await readReturnFile(batchId, state.file, state.reading.digest);
        recorded += reading.recorded ?? 0;
        setState({ ...state, reading });
        // A request that records nothing while some are left would go round for ever.
      } while (reading.returns.toRecord > 0 && (reading.recorded ?? 0) > 0);
      if (reading.returns.toRecord > 0) {
        setState({ ...state, reading, failure: `还有 ${reading.returns.toRecord} 份没有登记上，请再点一次` });
      } else {
        setState({ step: 'recorded', reading, recorded });
        onRecorded();
      }
    } catch (error) {
      // What was recorded stays recorded; the button records the rest.
      setState((now) => (now.step === 'read' ? { ...now, failure: errorText(error) } : now));
    }
    setBusy(false);
  };

  const fresh = state.step === 'read' ? state.reading.returns.toRecord : 0;
  return (
    <View className="bf-card" data-testid="returnfile">
      <View className="bf-card__title">读银行回盘文件</View>
      {state.step === 'idle' ? (
        <>
          <View className="bf-hint">
            银行发回的回盘文件（CSV 或 Excel 表格），在电脑上发到自己的微信里，再在这里选。先给您看，点了登记才记下。
          </View>
          {state.failure ? (
            <Notice tone="error" testId="returnfile-failure">
              没能读：{state.failure}
            </Notice>
          ) : null}
          <ActionButton busy={busy} onPress={pick} testId="returnfile-pick">
            选回盘文件
          </ActionButton>
        </>
      ) : state.step === 'read' ? (
        <>
          <View className="bf-row__line">{state.file.name}</View>
          <Reading reading={state.reading} />
          {state.failure ? (
            <Notice tone="error" testId="returnfile-failure">
              没能登记：{state.failure}
            </Notice>
          ) : null}
          {state.reading.problems.count === 0 ? (
            <ActionButton busy={busy} onPress={record} testId="returnfile-record">
              {fresh > 0 ? `登记这 ${fresh} 份银行退回` : '记下银行回盘'}
            </ActionButton>
          ) : null}
          <Button size="large" block disabled={busy} onClick={() => setState({ step: 'idle' })} data-testid="returnfile-cancel">
            {state.reading.problems.count === 0 ? '不了，返回' : '重新选文件'}
          </Button>
        </>
      ) : (
        <>
          <Notice testId="returnfile-recorded">
            <View className="bf-strong">
              已记下银行回盘：到账 {state.reading.paid.count} 份，退回 {state.reading.returns.count} 份
              {state.recorded ? `（这次登记 ${state.recorded} 份）` : ''}。
            </View>
            {state.recorded ? (
              <View>退回的申领等下一批再发：村里核对本人的卡，重新登记并确认，再由另一位发放人员发放。</View>
            ) : null}
          </Notice>
          {/* A bank may answer a batch in more than one file. */}
          <Button size="large" block onClick={() => setState({ step: 'idle' })} data-testid="returnfile-again">
            再读一个回盘文件
          </Button>
        </>
      )}
    </View>
  );
}
