import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { Button, Result, Typography } from 'antd';
import { i18n } from '../i18n/i18n';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** Keeps one broken page from blanking the whole console; the layout stays usable around it. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Unhandled UI error', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // A class component cannot use the hook, and the boundary must work even if providers failed.
    const t = i18n.t.bind(i18n);
    return (
      <Result
        status="error"
        title={t('errors.crashTitle')}
        subTitle={t('errors.crashSubtitle')}
        extra={[
          <Button type="primary" key="reload" onClick={() => window.location.reload()}>
            {t('common.reload')}
          </Button>,
          <Button key="home" onClick={() => window.location.assign('/')}>
            {t('errors.backHome')}
          </Button>,
        ]}
      >
        <Typography.Paragraph code copyable style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {error.message}
        </Typography.Paragraph>
      </Result>
    );
  }
}
