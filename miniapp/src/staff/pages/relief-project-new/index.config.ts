export default definePageConfig({
  navigationBarTitleText: '登记以工代赈项目',
});
