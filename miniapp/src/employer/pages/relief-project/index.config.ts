export default definePageConfig({
  navigationBarTitleText: '用工名册和工资表',
});
