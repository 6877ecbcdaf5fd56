export { CallbackReportsPage } from './callback-reports-page';
export { DealerCallbacksPage } from './dealer-callbacks-page';
export { HomeServicePage } from './home-service-page';
