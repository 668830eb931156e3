import type { Locale } from '../platform/i18n/messages.ts'

export interface DemoEmployee {
  key: string
  name: string
  email: string
  position: string
  role: string
  team: string | null
  heads?: string
}

export interface DemoCompany {
  name: string
  teams: Array<{ key: string; name: string; description: string }>
  employees: DemoEmployee[]
}

const ru: DemoCompany = {
  name: 'ООО «Северный ветер»',
  teams: [
    { key: 'sales_msk', name: 'Отдел продаж — Москва', description: 'Ключевые клиенты Москвы и области' },
    { key: 'sales_reg', name: 'Отдел продаж — Регионы', description: 'Клиенты в регионах России' },
    { key: 'partners', name: 'Отдел по работе с партнёрами', description: 'Дилерская сеть' },
    { key: 'marketing', name: 'Маркетинг', description: 'Кампании, подрядчики, исследования' },
    { key: 'call_centre', name: 'Колл-центр', description: 'Входящие обращения' },
    { key: 'accounting', name: 'Бухгалтерия', description: 'Документы и взаиморасчёты' },
  ],
  employees: [
    {
      key: 'admin',
      name: 'Администратор',
      email: 'admin@severny-veter.example',
      position: 'Системный администратор',
      role: 'admin',
      team: null,
    },
    {
      key: 'head_msk',
      name: 'Ирина Соколова',
      email: 'i.sokolova@severny-veter.example',
      position: 'Руководитель отдела продаж',
      role: 'head_of_sales',
      team: 'sales_msk',
      heads: 'sales_msk',
    },
    {
      key: 'mgr_msk1',
      name: 'Алексей Морозов',
      email: 'a.morozov@severny-veter.example',
      position: 'Менеджер по продажам',
      role: 'sales_manager',
      team: 'sales_msk',
    },
    {
      key: 'mgr_msk2',
      name: 'Мария Волкова',
      email: 'm.volkova@severny-veter.example',
      position: 'Менеджер по продажам',
      role: 'sales_manager',
      team: 'sales_msk',
    },
    {
      key: 'head_reg',
      name: 'Сергей Кузнецов',
      email: 's.kuznetsov@severny-veter.example',
      position: 'Руководитель регионального отдела',
      role: 'head_of_sales',
      team: 'sales_reg',
      heads: 'sales_reg',
    },
    {
      key: 'mgr_reg1',
      name: 'Дмитрий Лебедев',
      email: 'd.lebedev@severny-veter.example',
      position: 'Менеджер по продажам',
      role: 'sales_manager',
      team: 'sales_reg',
    },
    {
      key: 'partner',
      name: 'Ольга Новикова',
      email: 'o.novikova@severny-veter.example',
      position: 'Менеджер по работе с партнёрами',
      role: 'partner_manager',
      team: 'partners',
      heads: 'partners',
    },
    {
      key: 'marketer',
      name: 'Анна Павлова',
      email: 'a.pavlova@severny-veter.example',
      position: 'Маркетолог',
      role: 'marketer',
      team: 'marketing',
      heads: 'marketing',
    },
    {
      key: 'operator',
      name: 'Екатерина Смирнова',
      email: 'e.smirnova@severny-veter.example',
      position: 'Оператор колл-центра',
      role: 'call_centre_operator',
      team: 'call_centre',
      heads: 'call_centre',
    },
    {
      key: 'accountant',
      name: 'Татьяна Фёдорова',
      email: 't.fedorova@severny-veter.example',
      position: 'Главный бухгалтер',
      role: 'accountant',
      team: 'accounting',
      heads: 'accounting',
    },
    {
      key: 'auditor',
      name: 'Николай Орлов',
      email: 'n.orlov@severny-veter.example',
      position: 'Внутренний аудитор',
      role: 'auditor',
      team: null,
    },
  ],
}

const en: DemoCompany = {
  name: 'Northwind Trading Ltd',
  teams: [
    { key: 'sales_msk', name: 'Sales — Key accounts', description: 'Key accounts in the capital region' },
    { key: 'sales_reg', name: 'Sales — Regions', description: 'Clients in the regions' },
    { key: 'partners', name: 'Partner relations', description: 'The dealer network' },
    { key: 'marketing', name: 'Marketing', description: 'Campaigns, vendors, research' },
    { key: 'call_centre', name: 'Call centre', description: 'Inbound inquiries' },
    { key: 'accounting', name: 'Accounting', description: 'Documents and settlements' },
  ],
  employees: [
    {
      key: 'admin',
      name: 'Administrator',
      email: 'admin@northwind.example',
      position: 'System administrator',
      role: 'admin',
      team: null,
    },
    {
      key: 'head_msk',
      name: 'Irene Sawyer',
      email: 'irene.sawyer@northwind.example',
      position: 'Head of sales',
      role: 'head_of_sales',
      team: 'sales_msk',
      heads: 'sales_msk',
    },
    {
      key: 'mgr_msk1',
      name: 'Alex Morgan',
      email: 'alex.morgan@northwind.example',
      position: 'Sales manager',
      role: 'sales_manager',
      team: 'sales_msk',
    },
    {
      key: 'mgr_msk2',
      name: 'Maria Walsh',
      email: 'maria.walsh@northwind.example',
      position: 'Sales manager',
      role: 'sales_manager',
      team: 'sales_msk',
    },
    {
      key: 'head_reg',
      name: 'Simon Cook',
      email: 'simon.cook@northwind.example',
      position: 'Head of regional sales',
      role: 'head_of_sales',
      team: 'sales_reg',
      heads: 'sales_reg',
    },
    {
      key: 'mgr_reg1',
      name: 'Daniel Lee',
      email: 'daniel.lee@northwind.example',
      position: 'Sales manager',
      role: 'sales_manager',
      team: 'sales_reg',
    },
    {
      key: 'partner',
      name: 'Olivia Newman',
      email: 'olivia.newman@northwind.example',
      position: 'Partner manager',
      role: 'partner_manager',
      team: 'partners',
      heads: 'partners',
    },
    {
      key: 'marketer',
      name: 'Anna Price',
      email: 'anna.price@northwind.example',
      position: 'Marketing manager',
      role: 'marketer',
      team: 'marketing',
      heads: 'marketing',
    },
    {
      key: 'operator',
      name: 'Kate Smith',
      email: 'kate.smith@northwind.example',
      position: 'Call-centre operator',
      role: 'call_centre_operator',
      team: 'call_centre',
      heads: 'call_centre',
    },
    {
      key: 'accountant',
      name: 'Tanya Fisher',
      email: 'tanya.fisher@northwind.example',
      position: 'Chief accountant',
      role: 'accountant',
      team: 'accounting',
      heads: 'accounting',
    },
    {
      key: 'auditor',
      name: 'Nick Orr',
      email: 'nick.orr@northwind.example',
      position: 'Internal auditor',
      role: 'auditor',
      team: null,
    },
  ],
}

export const DEMO_COMPANIES: Record<Locale, DemoCompany> = { ru, en }
