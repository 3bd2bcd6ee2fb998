import { Alert, Button, Stack, Text } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';

/** A page that fails to render shows a Chinese message instead of a blank window; data is untouched. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert color="red" title="页面显示出错" m="lg">
        <Stack gap="xs">
          <Text size="sm">本页面未能正常显示，账本数据未受影响。错误信息：{this.state.error.message}</Text>
          <Button size="xs" variant="light" onClick={() => this.setState({ error: null })} w={120}>
            重试
          </Button>
        </Stack>
      </Alert>
    );
  }
}
