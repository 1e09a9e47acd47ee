/**
 * 亲情服务: a family member helps on their own phone — finds jobs, applies and claims subsidies
 * in this worker's name — with the worker's 同意 given here, every act listed here, and 结束代办
 * here at any time. The same page is the family member's: 输入家人给的邀请码, and 帮TA办事 for
 * each person they help. While acting for someone, it only says how to go back.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { fetchFamily, stopActing } from '../../../api/family';
import { LoadView } from '../../../components/LoadView';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { useLoad } from '../../../hooks/useLoad';
import { leaveActing, useActing } from '../../../state/acting';
import { AcceptForm } from '../../family/AcceptForm';
import { FamilyActs } from '../../family/FamilyActs';
import { HelpingList } from '../../family/HelpingList';
import { MyHelpers } from '../../family/MyHelpers';
import '../../family/family.css';

function WhileActing({ name }: { name: string }) {
  return (
    <View className="bf-section">
      <Notice testId="family-while-acting">您正在帮 {name} 办事。要管理亲情服务，请先退出，回到您自己的账号。</Notice>
      <Button
        type="primary"
        size="large"
        block
        onClick={() => {
          stopActing()
            .catch(() => undefined)
            .finally(() => leaveActing());
        }}
        data-testid="family-stop"
      >
        退出，回到我自己的账号
      </Button>
    </View>
  );
}

function Family() {
  const { load, retry, reload } = useLoad(fetchFamily);
  const [said, setSaid] = useState<string | null>(null);
  // Read again after every change: the acts list too (a new key).
  const [changes, setChanges] = useState(0);
  const changed = (text: string) => {
    setSaid(text);
    setChanges((n) => n + 1);
    reload().catch(() => undefined);
  };
  return (
    <LoadView load={load} retry={retry} what="亲情服务">
      {({ helpers, helping }) => (
        <>
          <View className="bf-hint">
            家人可以在自己的手机上帮您找工作、报名、申领补贴。每一件事都会记下来给您看，您随时可以结束。
          </View>
          {said ? <Notice testId="family-said">{said}</Notice> : null}
          <MyHelpers helpers={helpers} onChanged={changed} />
          <FamilyActs key={changes} />
          <View className="bf-section">
            <View className="bf-subtitle">我帮家人办事</View>
            <HelpingList helping={helping} onChanged={changed} />
            <AcceptForm onAccepted={changed} />
          </View>
        </>
      )}
    </LoadView>
  );
}

function FamilyOrActing({ userId }: { userId: string }) {
  const acting = useActing(userId);
  return acting ? <WhileActing name={acting.name} /> : <Family />;
}

export default function FamilyPage() {
  return <RolePage title="亲情服务" roles={['worker']} show={(user) => <FamilyOrActing userId={user.userId} />} />;
}
