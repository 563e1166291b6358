import type { ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs as AriaTabs, type Key } from 'react-aria-components';
import styles from './tabs.module.css';

export interface TabItem<K extends string> {
  id: K;
  label: ReactNode;
  panel: ReactNode;
}

export interface TabsProps<K extends string> {
  /** The tab list's accessible name. */
  label: string;
  tabs: readonly TabItem<K>[];
  selected: K;
  onSelect: (id: K) => void;
}

/** Page tabs (react-aria: arrow keys move between tabs, the panel follows the selection). */
export function Tabs<K extends string>({ label, tabs, selected, onSelect }: TabsProps<K>) {
  return (
    <AriaTabs selectedKey={selected} onSelectionChange={(k: Key) => onSelect(String(k) as K)}>
      <TabList aria-label={label} className={styles['list']}>
        {tabs.map((t) => (
          <Tab key={t.id} id={t.id} className={styles['tab']}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      {tabs.map((t) => (
        <TabPanel key={t.id} id={t.id}>
          {t.panel}
        </TabPanel>
      ))}
    </AriaTabs>
  );
}
