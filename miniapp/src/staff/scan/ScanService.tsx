/**
 * 登记这次服务 after a scan: the 311 service form, sent to the scan (so it counts for the
 * worker, and the worker's own officers see it). After each save a clear 已登记 box, and an
 * empty form for the next service given to the same person.
 */
import { View } from '@tarojs/components';
import { useState } from 'react';
import { recordServiceByScan } from '../../api/helpCodes';
import type { ServiceKind } from '../../api/matching';
import { SERVICE_KIND_ZH, ServiceForm } from '../Services311';
import '../../components/scan/scanResult.css';

export function ScanService({ scanId, onSaved }: { scanId: string; onSaved?: (kind: ServiceKind) => void }) {
  const [saved, setSaved] = useState<ServiceKind | null>(null);
  // A new form after each save: the choice and the note start empty again.
  const [round, setRound] = useState(0);
  return (
    <View className="bf-section">
      <View className="bf-subtitle">登记这次服务</View>
      {saved ? (
        <View className="bf-done" role="status" data-testid="scan-service-saved">
          <View className="bf-done__title">已登记：{SERVICE_KIND_ZH[saved]}</View>
          <View>还给他做了别的服务，可以接着登记。</View>
        </View>
      ) : null}
      <ServiceForm
        key={round}
        save={(service) => recordServiceByScan(scanId, service)}
        onSaved={async (kind) => {
          setSaved(kind);
          setRound((r) => r + 1);
          onSaved?.(kind);
        }}
        testIdPrefix="scan-service"
      />
    </View>
  );
}
