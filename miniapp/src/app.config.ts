/**
 * Pages and sub-packages. The main package holds only the home page (and, on H5,
 * the demo login); each role's pages live in their own sub-package so the main
 * package stays small (WeChat limit: 2 MB).
 */
const mainPages = ['pages/index/index'];
// Demo logins exist only for the H5 build served by the local/dev server.
if (process.env.TARO_ENV === 'h5') mainPages.push('pages/dev-login/index');

export default defineAppConfig({
  pages: mainPages,
  subPackages: [
    {
      root: 'worker',
      pages: [
        'pages/jobs/index',
        'pages/position/index',
        'pages/applications/index',
        'pages/me/index',
        'pages/subsidies/index',
        'pages/claims/index',
        'pages/recommendations/index',
        'pages/code/index',
        'pages/data-uses/index',
        'pages/difficulty/index',
        'pages/post/index',
        'pages/relief/index',
        'pages/alerts/index',
        'pages/family/index',
      ],
    },
    {
      root: 'employer',
      pages: [
        'pages/positions/index',
        'pages/profile/index',
        'pages/edit/index',
        'pages/applicants/index',
        'pages/subsidies/index',
        'pages/candidates/index',
        'pages/scan/index',
        'pages/shares/index',
        'pages/relief/index',
        'pages/relief-project/index',
      ],
    },
    {
      root: 'staff',
      pages: [
        'pages/registry/index',
        'pages/worker/index',
        'pages/monthly/index',
        'pages/reports/index',
        'pages/employers/index',
        'pages/claims/index',
        'pages/payments/index',
        'pages/payment-batch/index',
        'pages/parameters/index',
        'pages/coverage/index',
        'pages/scan/index',
        'pages/posters/index',
        'pages/events/index',
        'pages/monitoring/index',
        'pages/tasks/index',
        'pages/task/index',
        'pages/task-table/index',
        'pages/welfare-posts/index',
        'pages/welfare-post/index',
        'pages/welfare-post-new/index',
        'pages/welfare-attendance/index',
        'pages/welfare-month/index',
        'pages/relief-projects/index',
        'pages/relief-project/index',
        'pages/relief-project-new/index',
        'pages/service-points/index',
      ],
    },
    {
      // Where a poster's code (码到农家) leads: anyone, logged in or not.
      root: 'codes',
      pages: ['pages/open/index', 'pages/employer/index', 'pages/village/index', 'pages/event/index'],
    },
  ],
  // WeChat: the job map reads the phone's position (after the privacy consent), and an
  // employer picks the workplace on WeChat's map. Both must be declared here.
  ...(process.env.TARO_ENV === 'weapp'
    ? {
        requiredPrivateInfos: ['getLocation', 'chooseLocation'] as ('getLocation' | 'chooseLocation')[],
        permission: { 'scope.userLocation': { desc: '用您的位置在地图上找离您近的工作' } },
      }
    : {}),
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#ffffff',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '帮扶就业',
    navigationBarTextStyle: 'black',
  },
});
