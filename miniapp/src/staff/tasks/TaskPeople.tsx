/** The people a task is about, to reach them: name, village, phone with 打电话. */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { TaskDetail } from '../../api/tasks';
import { villageName } from '../../regionNames';

export function TaskPeople({ people, names }: { people: TaskDetail['people']; names: ReadonlyMap<string, string> }) {
  return (
    <View data-testid="task-people">
      {people.map((person) => (
        <View key={person.workerId} className="bf-cov" data-testid="task-person">
          <View className="bf-cov__name">{person.name}</View>
          <View className="bf-row__line">{villageName(person.villageCode, names)}</View>
          {person.phone ? (
            <Button
              size="large"
              block
              onClick={() => {
                Taro.makePhoneCall({ phoneNumber: person.phone! }).catch(() => undefined);
              }}
            >
              打电话 {person.phone}
            </Button>
          ) : (
            <View className="bf-row__line">没有登记电话，请上门或找村里联系</View>
          )}
        </View>
      ))}
    </View>
  );
}
