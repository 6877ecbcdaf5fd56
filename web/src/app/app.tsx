import { Suspense } from 'react';
import { BrowserRouter } from 'react-router';
import { App as AntApp, ConfigProvider } from 'antd';
import zh_CN from 'antd/locale/zh_CN';
import en_US from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../components/error-boundary';
import { PageSkeleton } from '../components/page-skeleton';
import { AuthProvider } from './auth-context';
import { AppRoutes } from './routes';
import { theme } from './theme';

export function App() {
  const { i18n } = useTranslation();
  const antLocale = i18n.language === 'en-US' ? en_US : zh_CN;
  return (
    <ConfigProvider locale={antLocale} theme={theme}>
      <AntApp>
        <ErrorBoundary>
          <BrowserRouter>
            <AuthProvider>
              <Suspense fallback={<PageSkeleton />}>
                <AppRoutes />
              </Suspense>
            </AuthProvider>
          </BrowserRouter>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
