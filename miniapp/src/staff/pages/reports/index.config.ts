export default definePageConfig({
  navigationBarTitleText: '每月报送',
});
