export default definePageConfig({
  navigationBarTitleText: '以工代赈项目',
});
