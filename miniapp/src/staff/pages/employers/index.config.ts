export default definePageConfig({ navigationBarTitleText: '单位和岗位审核' });
