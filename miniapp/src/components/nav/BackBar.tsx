/**
 * H5 only: 返回 and 首页 at the top of every page but home. WeChat draws its own bar with a
 * back arrow (and a home button when a page is opened on its own); a browser has none that an
 * older person would find, and a page opened from a poster's link has nothing to go back to.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { goHome, HOME_PAGE } from './navigate';

function goBack(): void {
  // Opened directly (a link, a reload): there is no page behind this one, so back means home.
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack().catch(goHome);
  else goHome();
}

export function BackBar() {
  const path = Taro.getCurrentInstance().router?.path ?? '';
  if (process.env.TARO_ENV !== 'h5' || path === '' || path.startsWith(HOME_PAGE)) return null;
  return (
    <View className="bf-backbar">
      <View
        className="bf-backbar__button"
        hoverClass="bf-backbar__button--pressed"
        role="button"
        onClick={goBack}
        data-testid="nav-back"
      >
        <Text aria-hidden>‹ </Text>返回
      </View>
      <View
        className="bf-backbar__button"
        hoverClass="bf-backbar__button--pressed"
        role="button"
        onClick={goHome}
        data-testid="nav-home"
      >
        首页
      </View>
    </View>
  );
}
