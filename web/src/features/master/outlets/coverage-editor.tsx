import { useState } from 'react';
import { Alert, App, Button, Card, Cascader, Empty, Flex, Radio, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import { COVERAGE_ROLES } from '../../../api/master-data';
import type { CascaderNode, CoverageRole, OutletDetail } from '../../../api/master-data';
import { codeText } from '../../../components/code-label';
import { errorMessage } from '../../../lib/errors';
import { useRegionTree } from '../../../lib/reference-data';
import { addDistricts, draftOf, fingerprint, toRequest } from './coverage-draft';
import type { CoverageDraft, DraftRegion } from './coverage-draft';
import { ServiceMatrix } from './service-matrix';

interface Props {
  outlet: OutletDetail;
  writable: boolean;
  onSaved: () => void;
}

/** NET-2 coverage: districts with primary/backup role, and the categories × service types taken on. */
export function CoverageEditor({ outlet, writable, onSaved }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const tree = useRegionTree();
  const [initial] = useState(() => draftOf(outlet));
  const [draft, setDraft] = useState<CoverageDraft>(initial);
  const [picking, setPicking] = useState<string[][]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const dirty = fingerprint(draft) !== fingerprint(initial);

  const add = () => {
    const codes = picking
      .map((path) => path[path.length - 1])
      .filter((code): code is string => Boolean(code));
    const result = addDistricts(draft, codes, tree.labelOf);
    setDraft(result.draft);
    setPicking([]);
    void message.success(t('outlets.addedDistricts', { count: result.added }));
  };

  const setRole = (code: string, role: CoverageRole) =>
    setDraft((current) => ({
      ...current,
      regions: current.regions.map((region) => (region.regionCode === code ? { ...region, role } : region)),
    }));

  const remove = (code: string) =>
    setDraft((current) => ({
      ...current,
      regions: current.regions.filter((region) => region.regionCode !== code),
    }));

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await api.put<OutletDetail>(
        `/api/outlets/${encodeURIComponent(outlet.id)}/coverage`,
        toRequest(draft, outlet.version),
      );
      void message.success(t('outlets.coverageSaved'));
      onSaved();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'VERSION_CONFLICT') {
        void message.warning(t('common.versionConflict'));
        onSaved();
        return;
      }
      // The draft stays as edited so the problem can be fixed and saved again.
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  const confirmSave = () =>
    modal.confirm({
      title: t('outlets.coverageConfirm', { districts: draft.regions.length, services: draft.services.size }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => save(),
    });

  const fieldProblems = error instanceof ApiError ? error.errors : [];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {writable ? (
        <Flex gap={12} align="center" wrap className="sticky-actions">
          <Button type="primary" loading={saving} disabled={!dirty} onClick={confirmSave}>
            {t('outlets.saveCoverage')}
          </Button>
          <Button disabled={!dirty || saving} onClick={() => setDraft(initial)}>
            {t('common.discardChanges')}
          </Button>
          {dirty ? <Tag color="orange">{t('common.unsavedChanges')}</Tag> : null}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('common.readOnly')}</Typography.Text>
      )}
      {error ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(error, t)}
          description={
            fieldProblems.length > 0 ? (
              <ul className="problem-list">
                {fieldProblems.map((problem) => (
                  <li key={`${problem.path}:${problem.message}`}>{problem.message}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      <Card size="small" title={`${t('outlets.coverageTitle')} (${draft.regions.length})`}>
        <Typography.Paragraph type="secondary">{t('outlets.coverageHelp')}</Typography.Paragraph>
        {writable ? (
          <Flex gap={8} wrap className="coverage-add">
            <Cascader<CascaderNode, 'value'>
              multiple
              options={tree.options}
              value={picking}
              onChange={(paths) => setPicking(paths.map((path) => path.map(String)))}
              showCheckedStrategy={Cascader.SHOW_CHILD}
              showSearch
              maxTagCount="responsive"
              placeholder={t('outlets.addDistricts')}
              loading={tree.loading}
              className="coverage-cascader"
              popupMatchSelectWidth={false}
            />
            <Button icon={<PlusOutlined />} disabled={picking.length === 0} onClick={add}>
              {t('outlets.addSelected')}
            </Button>
          </Flex>
        ) : null}
        <Table<DraftRegion>
          size="small"
          rowKey="regionCode"
          dataSource={draft.regions}
          pagination={false}
          // A minimum width keeps the district readable on a phone; the table scrolls sideways instead.
          scroll={{ x: 560, y: 340 }}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outlets.coverageEmpty')} />
            ),
          }}
          columns={[
            {
              title: t('outlets.district'),
              key: 'district',
              render: (_, region) => (
                <span>
                  {region.regionPath}{' '}
                  <Typography.Text type="secondary" className="mono small">
                    {region.regionCode}
                  </Typography.Text>
                </span>
              ),
            },
            {
              title: t('outlets.role'),
              key: 'role',
              width: 210,
              render: (_, region) =>
                writable ? (
                  <Radio.Group
                    size="small"
                    optionType="button"
                    value={region.role}
                    onChange={(event) => setRole(region.regionCode, event.target.value as CoverageRole)}
                    options={COVERAGE_ROLES.map((role) => ({
                      value: role,
                      label: codeText('enums.coverageRoles', role),
                    }))}
                  />
                ) : (
                  <Tag color={region.role === 'primary' ? 'blue' : 'default'}>
                    {codeText('enums.coverageRoles', region.role)}
                  </Tag>
                ),
            },
            ...(writable
              ? [
                  {
                    title: '',
                    key: 'remove',
                    width: 56,
                    render: (_: unknown, region: DraftRegion) => (
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('common.remove')} ${region.regionPath}`}
                        onClick={() => remove(region.regionCode)}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('outlets.servicesTitle')}>
        <Typography.Paragraph type="secondary">{t('outlets.servicesHelp')}</Typography.Paragraph>
        <ServiceMatrix
          value={draft.services}
          onChange={(services) => setDraft((current) => ({ ...current, services }))}
          disabled={!writable}
        />
      </Card>
    </Space>
  );
}
