// The five benchmark classifiers (≈ 200 nodes): three small exclusive ones and two deep multiple ones.

/** A node as written: Russian and English name, optional colour, children; `w` weighs its popularity. */
export interface NodeSpec {
  ru: string
  en: string
  color?: string
  /** Popularity among its siblings (default: Zipf by a seeded order, see generate.ts). */
  w?: number
  /** Region nodes only: the region's code for ИНН/КПП and the city of its addresses. */
  code?: string
  city?: string
  children?: NodeSpec[]
}

export interface ClassifierSpec {
  key: 'temperature' | 'loyalty' | 'size' | 'industry' | 'region'
  ru: string
  en: string
  multiple: boolean
  nodes: NodeSpec[]
}

const n = (ru: string, en: string, children?: NodeSpec[]): NodeSpec =>
  children ? { ru, en, children } : { ru, en }

/** A region: name, code, city, and population in millions (its popularity is a power of it). */
const r = (ru: string, en: string, code: string, city: string, millions: number): NodeSpec => ({
  ru,
  en,
  code,
  city,
  w: millions ** 1.5,
})

export const CLASSIFIERS: ClassifierSpec[] = [
  {
    key: 'temperature',
    ru: 'Температура',
    en: 'Temperature',
    multiple: false,
    nodes: [
      { ru: 'Холодный', en: 'Cold', color: '#3b82f6', w: 50 },
      { ru: 'Тёплый', en: 'Warm', color: '#f59e0b', w: 33 },
      { ru: 'Горячий', en: 'Hot', color: '#ef4444', w: 17 },
    ],
  },
  {
    key: 'loyalty',
    ru: 'Лояльность',
    en: 'Loyalty',
    multiple: false,
    nodes: [
      { ru: 'Новый', en: 'New', w: 40 },
      {
        ru: 'Постоянный',
        en: 'Regular',
        w: 45,
        children: [
          { ru: 'Серебряный', en: 'Silver', w: 60 },
          { ru: 'Золотой', en: 'Gold', w: 30 },
          { ru: 'Платиновый', en: 'Platinum', w: 10 },
        ],
      },
      { ru: 'Ушедший', en: 'Lost', w: 15 },
    ],
  },
  {
    key: 'size',
    ru: 'Размер',
    en: 'Size',
    multiple: false,
    nodes: [
      { ru: 'Малый', en: 'Small', w: 60 },
      { ru: 'Средний', en: 'Medium', w: 30 },
      { ru: 'Крупный', en: 'Large', w: 10 },
    ],
  },
  {
    key: 'industry',
    ru: 'Отрасль',
    en: 'Industry',
    multiple: true,
    nodes: [
      n('Розничная торговля', 'Retail', [
        n('Продукты питания', 'Food', [
          n('Пекарни', 'Bakeries'),
          n('Супермаркеты', 'Supermarkets'),
          n('Магазины у дома', 'Convenience stores'),
          n('Алкоголь', 'Liquor stores'),
        ]),
        n('Одежда и обувь', 'Clothing and footwear', [
          n('Одежда', 'Apparel'),
          n('Обувь', 'Footwear'),
          n('Детские товары', "Children's goods"),
        ]),
        n('Электроника', 'Electronics', [
          n('Бытовая техника', 'Home appliances'),
          n('Компьютеры и телефоны', 'Computers and phones'),
        ]),
        n('Аптеки', 'Pharmacies', [
          n('Аптечные сети', 'Pharmacy chains'),
          n('Частные аптеки', 'Independent pharmacies'),
        ]),
      ]),
      n('Оптовая торговля', 'Wholesale', [
        n('Продовольствие', 'Food wholesale', [
          n('Бакалея', 'Groceries'),
          n('Напитки', 'Beverages'),
          n('Замороженные продукты', 'Frozen foods'),
        ]),
        n('Стройматериалы', 'Building materials', [
          n('Металлопрокат', 'Rolled metal'),
          n('Лесоматериалы', 'Timber'),
          n('Отделочные материалы', 'Finishing materials'),
        ]),
        n('Промышленное оборудование', 'Industrial equipment', [
          n('Станки', 'Machine tools'),
          n('Насосы и компрессоры', 'Pumps and compressors'),
        ]),
      ]),
      n('Производство', 'Manufacturing', [
        n('Пищевое производство', 'Food production', [
          n('Хлебозаводы', 'Bread factories'),
          n('Молочная продукция', 'Dairy'),
          n('Мясопереработка', 'Meat processing'),
          n('Кондитерские изделия', 'Confectionery'),
        ]),
        n('Металлообработка', 'Metalworking', [
          n('Литьё', 'Foundry'),
          n('Механообработка', 'Machining'),
          n('Металлоконструкции', 'Steel structures'),
        ]),
        n('Мебель', 'Furniture', [
          n('Корпусная мебель', 'Cabinet furniture'),
          n('Мягкая мебель', 'Upholstered furniture'),
        ]),
        n('Химия и пластмассы', 'Chemicals and plastics', [
          n('Упаковка', 'Packaging'),
          n('Бытовая химия', 'Household chemicals'),
          n('Лакокрасочные материалы', 'Paints and coatings'),
        ]),
      ]),
      n('Строительство', 'Construction', [
        n('Жилищное', 'Residential', [
          n('Многоквартирные дома', 'Apartment buildings'),
          n('Частные дома', 'Private houses'),
        ]),
        n('Коммерческое', 'Commercial', [
          n('Офисы и склады', 'Offices and warehouses'),
          n('Торговые центры', 'Shopping centres'),
        ]),
        n('Инфраструктура', 'Infrastructure', [
          n('Дороги и мосты', 'Roads and bridges'),
          n('Инженерные сети', 'Utility networks'),
        ]),
        n('Ремонт и отделка', 'Renovation', [
          n('Ремонт квартир', 'Apartment renovation'),
          n('Кровля и фасады', 'Roofing and facades'),
        ]),
      ]),
      n('Транспорт и логистика', 'Transport and logistics', [
        n('Грузоперевозки', 'Freight', [
          n('Автоперевозки', 'Road freight'),
          n('Железнодорожные перевозки', 'Rail freight'),
          n('Морские перевозки', 'Sea freight'),
        ]),
        n('Складская логистика', 'Warehousing', [
          n('Ответственное хранение', 'Third-party storage'),
          n('Фулфилмент', 'Fulfilment'),
        ]),
        n('Курьерская доставка', 'Courier delivery', [
          n('Экспресс-доставка', 'Express delivery'),
          n('Доставка еды', 'Food delivery'),
        ]),
      ]),
      n('ИТ и связь', 'IT and telecom', [
        n('Разработка ПО', 'Software development', [
          n('Заказная разработка', 'Custom software'),
          n('Веб-студии', 'Web studios'),
          n('Мобильные приложения', 'Mobile apps'),
        ]),
        n('Интеграция', 'Systems integration', [
          n('Внедрение 1С', '1C implementation'),
          n('Сети и серверы', 'Networks and servers'),
        ]),
        n('Телеком', 'Telecom', [
          n('Интернет-провайдеры', 'Internet providers'),
          n('Телефония', 'Telephony'),
        ]),
      ]),
      n('Финансы и страхование', 'Finance and insurance', [
        n('Банки', 'Banks', [n('Региональные банки', 'Regional banks'), n('Микрофинансы', 'Microfinance')]),
        n('Страхование', 'Insurance', [
          n('Страхование имущества', 'Property insurance'),
          n('ДМС', 'Health insurance'),
        ]),
        n('Лизинг', 'Leasing', [
          n('Автолизинг', 'Vehicle leasing'),
          n('Лизинг оборудования', 'Equipment leasing'),
        ]),
      ]),
      n('Сельское хозяйство', 'Agriculture', [
        n('Растениеводство', 'Crop farming', [
          n('Зерновые', 'Grain'),
          n('Овощи', 'Vegetables'),
          n('Теплицы', 'Greenhouses'),
        ]),
        n('Животноводство', 'Livestock', [
          n('Молочные фермы', 'Dairy farms'),
          n('Птицефабрики', 'Poultry farms'),
          n('Свиноводство', 'Pig farming'),
        ]),
        n('Агросервис', 'Agricultural services', [
          n('Сельхозтехника', 'Farm machinery'),
          n('Удобрения', 'Fertilisers'),
        ]),
      ]),
      n('Услуги', 'Services', [
        n('Гостиницы и рестораны', 'Hospitality', [
          n('Рестораны', 'Restaurants'),
          n('Кафе и кофейни', 'Cafés'),
          n('Гостиницы', 'Hotels'),
          n('Кейтеринг', 'Catering'),
        ]),
        n('Красота и здоровье', 'Beauty and health', [
          n('Салоны красоты', 'Beauty salons'),
          n('Фитнес-клубы', 'Fitness clubs'),
          n('Клиники', 'Clinics'),
          n('Стоматология', 'Dentistry'),
        ]),
        n('Образование', 'Education', [
          n('Учебные центры', 'Training centres'),
          n('Детские сады', 'Kindergartens'),
          n('Автошколы', 'Driving schools'),
        ]),
        n('Бизнес-услуги', 'Business services', [
          n('Бухгалтерия', 'Accounting'),
          n('Юридические услуги', 'Legal services'),
          n('Подбор персонала', 'Recruitment'),
          n('Маркетинг', 'Marketing agencies'),
        ]),
      ]),
      n('Государство и НКО', 'Public sector and non-profits', [
        n('Госучреждения', 'Public institutions', [n('Школы', 'Schools'), n('Больницы', 'Hospitals')]),
        n('НКО', 'Non-profits', [n('Фонды', 'Foundations'), n('Ассоциации', 'Associations')]),
      ]),
    ],
  },
  {
    key: 'region',
    ru: 'Регион',
    en: 'Region',
    multiple: true,
    nodes: [
      n('Центральный ФО', 'Central Federal District', [
        r('Москва', 'Moscow', '77', 'Москва', 13.1),
        r('Московская область', 'Moscow Oblast', '50', 'Химки', 8.5),
        r('Воронежская область', 'Voronezh Oblast', '36', 'Воронеж', 2.3),
        r('Белгородская область', 'Belgorod Oblast', '31', 'Белгород', 1.5),
        r('Тульская область', 'Tula Oblast', '71', 'Тула', 1.5),
        r('Ярославская область', 'Yaroslavl Oblast', '76', 'Ярославль', 1.2),
        r('Калужская область', 'Kaluga Oblast', '40', 'Калуга', 1.0),
        r('Тверская область', 'Tver Oblast', '69', 'Тверь', 1.2),
        r('Владимирская область', 'Vladimir Oblast', '33', 'Владимир', 1.3),
        r('Рязанская область', 'Ryazan Oblast', '62', 'Рязань', 1.1),
      ]),
      n('Северо-Западный ФО', 'Northwestern Federal District', [
        r('Санкт-Петербург', 'Saint Petersburg', '78', 'Санкт-Петербург', 5.6),
        r('Ленинградская область', 'Leningrad Oblast', '47', 'Гатчина', 2.0),
        r('Калининградская область', 'Kaliningrad Oblast', '39', 'Калининград', 1.0),
        r('Архангельская область', 'Arkhangelsk Oblast', '29', 'Архангельск', 1.0),
        r('Мурманская область', 'Murmansk Oblast', '51', 'Мурманск', 0.66),
        r('Вологодская область', 'Vologda Oblast', '35', 'Вологда', 1.1),
        r('Республика Карелия', 'Republic of Karelia', '10', 'Петрозаводск', 0.53),
      ]),
      n('Южный ФО', 'Southern Federal District', [
        r('Краснодарский край', 'Krasnodar Krai', '23', 'Краснодар', 5.8),
        r('Ростовская область', 'Rostov Oblast', '61', 'Ростов-на-Дону', 4.2),
        r('Волгоградская область', 'Volgograd Oblast', '34', 'Волгоград', 2.5),
        r('Астраханская область', 'Astrakhan Oblast', '30', 'Астрахань', 0.96),
        r('Республика Крым', 'Republic of Crimea', '91', 'Симферополь', 1.9),
      ]),
      n('Северо-Кавказский ФО', 'North Caucasian Federal District', [
        r('Ставропольский край', 'Stavropol Krai', '26', 'Ставрополь', 2.8),
        r('Республика Дагестан', 'Republic of Dagestan', '05', 'Махачкала', 3.2),
        r('Чеченская Республика', 'Chechen Republic', '20', 'Грозный', 1.5),
        r('Кабардино-Балкарская Республика', 'Kabardino-Balkaria', '07', 'Нальчик', 0.9),
      ]),
      n('Приволжский ФО', 'Volga Federal District', [
        r('Республика Татарстан', 'Republic of Tatarstan', '16', 'Казань', 4.0),
        r('Нижегородская область', 'Nizhny Novgorod Oblast', '52', 'Нижний Новгород', 3.1),
        r('Самарская область', 'Samara Oblast', '63', 'Самара', 3.1),
        r('Республика Башкортостан', 'Republic of Bashkortostan', '02', 'Уфа', 4.0),
        r('Пермский край', 'Perm Krai', '59', 'Пермь', 2.5),
        r('Саратовская область', 'Saratov Oblast', '64', 'Саратов', 2.4),
        r('Удмуртская Республика', 'Udmurt Republic', '18', 'Ижевск', 1.4),
        r('Оренбургская область', 'Orenburg Oblast', '56', 'Оренбург', 1.8),
      ]),
      n('Уральский ФО', 'Ural Federal District', [
        r('Свердловская область', 'Sverdlovsk Oblast', '66', 'Екатеринбург', 4.2),
        r('Челябинская область', 'Chelyabinsk Oblast', '74', 'Челябинск', 3.4),
        r('Тюменская область', 'Tyumen Oblast', '72', 'Тюмень', 1.6),
        r('Ханты-Мансийский АО — Югра', 'Khanty-Mansi Autonomous Okrug', '86', 'Сургут', 1.7),
        r('Ямало-Ненецкий АО', 'Yamalo-Nenets Autonomous Okrug', '89', 'Новый Уренгой', 0.51),
      ]),
      n('Сибирский ФО', 'Siberian Federal District', [
        r('Новосибирская область', 'Novosibirsk Oblast', '54', 'Новосибирск', 2.8),
        r('Красноярский край', 'Krasnoyarsk Krai', '24', 'Красноярск', 2.9),
        r('Иркутская область', 'Irkutsk Oblast', '38', 'Иркутск', 2.3),
        r('Кемеровская область', 'Kemerovo Oblast', '42', 'Кемерово', 2.6),
        r('Омская область', 'Omsk Oblast', '55', 'Омск', 1.8),
        r('Алтайский край', 'Altai Krai', '22', 'Барнаул', 2.1),
        r('Томская область', 'Tomsk Oblast', '70', 'Томск', 1.1),
        r('Республика Тыва', 'Tuva Republic', '17', 'Кызыл', 0.34),
      ]),
      n('Дальневосточный ФО', 'Far Eastern Federal District', [
        r('Приморский край', 'Primorsky Krai', '25', 'Владивосток', 1.8),
        r('Хабаровский край', 'Khabarovsk Krai', '27', 'Хабаровск', 1.3),
        r('Республика Саха (Якутия)', 'Sakha (Yakutia) Republic', '14', 'Якутск', 1.0),
        r('Сахалинская область', 'Sakhalin Oblast', '65', 'Южно-Сахалинск', 0.46),
        r('Камчатский край', 'Kamchatka Krai', '41', 'Петропавловск-Камчатский', 0.29),
        r('Чукотский АО', 'Chukotka Autonomous Okrug', '87', 'Анадырь', 0.05),
      ]),
    ],
  },
]
