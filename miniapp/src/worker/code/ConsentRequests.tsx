/**
 * Employers asking to see the worker's record after scanning their code: read every few
 * seconds while the page is on the screen, each shown as a card with 同意 and 不同意, and
 * the answer said plainly once given.
 */
import { View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { errorText } from '../../api/client';
import { answerConsentRequest, fetchConsentRequests, type ConsentRequest } from '../../api/helpCodes';
import { AgreeRefuse, type AgreeOrRefuse } from '../../components/AgreeRefuse';
import { Notice } from '../../components/Page';

const POLL_MS = 4_000;

function RequestCard({ request, onAnswered }: { request: ConsentRequest; onAnswered: (answer: AgreeOrRefuse) => void }) {
  const [busy, setBusy] = useState<AgreeOrRefuse | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const answer = async (value: AgreeOrRefuse) => {
    setBusy(value);
    setFailure(null);
    try {
      await answerConsentRequest(request.requestId, value);
      onAnswered(value);
    } catch (error) {
      setFailure(`没能回答：${errorText(error)}`);
      setBusy(null);
    }
  };

  return (
    <View className="bf-ask" role="alert" data-testid="consent-request">
      <View className="bf-ask__title">有单位想看您的信息</View>
      <View className="bf-ask__text">
        「{request.employerName}」想看您的：{request.shares}，{request.days} 天
      </View>
      <View className="bf-hint">同意以后，{request.days} 天内对方能看到这些信息，您随时可以收回。不同意，对方什么也看不到。</View>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <AgreeRefuse busy={busy} onAnswer={answer} testIdPrefix="consent" />
    </View>
  );
}

export function ConsentRequests({ visible }: { visible: boolean }) {
  const [requests, setRequests] = useState<ConsentRequest[]>([]);
  const [said, setSaid] = useState<string | null>(null);
  // A poll under way when the worker answers must not bring the card back.
  const answered = useRef(new Set<string>());

  useEffect(() => {
    if (!visible) return undefined;
    let stopped = false;
    let asking = false;
    const poll = async () => {
      if (asking) return;
      asking = true;
      try {
        const found = await fetchConsentRequests();
        if (!stopped) setRequests(found.requests.filter((r) => !answered.current.has(r.requestId)));
      } catch {
        // A missed poll changes nothing: the next one comes in a few seconds.
      } finally {
        asking = false;
      }
    };
    poll().catch(() => undefined);
    const timer = setInterval(() => {
      poll().catch(() => undefined);
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [visible]);

  const onAnswered = (request: ConsentRequest, answer: AgreeOrRefuse) => {
    answered.current.add(request.requestId);
    setRequests((before) => before.filter((r) => r.requestId !== request.requestId));
    setSaid(
      answer === 'agree'
        ? `「${request.employerName}」：已同意，对方 ${request.days} 天内能看到您的信息。想收回，请点下面的“个人信息使用记录”。`
        : `「${request.employerName}」：已拒绝，对方看不到您的信息。`,
    );
  };

  if (!requests.length && !said) return null;
  return (
    <View className="bf-section">
      {said ? <Notice testId="consent-answered">{said}</Notice> : null}
      {requests.map((request) => (
        <RequestCard key={request.requestId} request={request} onAnswered={(answer) => onAnswered(request, answer)} />
      ))}
    </View>
  );
}
