import { addMessages } from '../../platform/i18n/messages.ts'

addMessages({
  ru: {
    'requisites.digits_only': '{field}: допустимы только цифры.',
    'requisites.length': '{field}: должно быть цифр — {expected}.',
    'requisites.checksum': '{field}: не сходится контрольное число — проверьте, нет ли опечатки.',
    'requisites.format': '{field}: неверный формат.',
    'requisites.bik_required': '{field}: сначала укажите верный БИК банка — по нему проверяется счёт.',
    'requisites.kpp_not_applicable': 'КПП бывает только у организаций, не у ИП и физических лиц.',
    'requisites.ogrn_not_applicable': 'У физического лица нет ОГРН.',
    'channels.phone_invalid': 'Такого номера телефона не бывает — проверьте цифры.',
    'channels.phone_too_short': 'В номере телефона не хватает цифр.',
    'channels.phone_too_long': 'В номере телефона лишние цифры.',
    'channels.phone_not_a_number': 'Это не похоже на номер телефона.',
    'channels.email_invalid': 'Неверный адрес электронной почты.',
    'clients.website_invalid': 'Неверный адрес сайта (нужен http или https).',
    'clients.name_required': 'Укажите название организации.',
    'clients.last_name_required': 'Укажите фамилию.',
    'clients.first_name_required': 'Укажите имя.',
    'clients.owner_not_found': 'Такого сотрудника нет или он отключён.',
    'clients.team_not_found': 'Такого отдела нет.',
    'clients.kind_mismatch': 'Это поле не относится к клиенту такого вида.',
    'clients.birth_date_future': 'Дата рождения не может быть в будущем.',
    'clients.not_in_trash': 'Клиент не в корзине.',
    'clients.in_trash': 'Клиент в корзине: сначала восстановите его.',
  },
  en: {
    'requisites.digits_only': '{field}: digits only.',
    'requisites.length': '{field}: must have {expected} digits.',
    'requisites.checksum': '{field}: the check digit does not match — look for a typo.',
    'requisites.format': '{field}: wrong format.',
    'requisites.bik_required': '{field}: enter a valid bank BIK first — the account is checked against it.',
    'requisites.kpp_not_applicable': 'Only organizations have a KPP, not sole proprietors or individuals.',
    'requisites.ogrn_not_applicable': 'An individual has no OGRN.',
    'channels.phone_invalid': 'No such phone number exists — check the digits.',
    'channels.phone_too_short': 'The phone number is missing digits.',
    'channels.phone_too_long': 'The phone number has too many digits.',
    'channels.phone_not_a_number': 'This does not look like a phone number.',
    'channels.email_invalid': 'Invalid e-mail address.',
    'clients.website_invalid': 'Invalid website address (http or https needed).',
    'clients.name_required': 'Enter the name of the organization.',
    'clients.last_name_required': 'Enter the last name.',
    'clients.first_name_required': 'Enter the first name.',
    'clients.owner_not_found': 'No such active employee.',
    'clients.team_not_found': 'No such team.',
    'clients.kind_mismatch': 'This field does not apply to this kind of client.',
    'clients.birth_date_future': 'A birth date cannot be in the future.',
    'clients.not_in_trash': 'The client is not in the trash.',
    'clients.in_trash': 'The client is in the trash: restore it first.',
  },
})

addMessages({
  ru: {
    'contacts.only_organizations': 'Контактные лица бывают только у организаций.',
    'contacts.name_required': 'Укажите фамилию или имя.',
    'contacts.person_client_not_found': 'Такого клиента — физического лица нет или он вам недоступен.',
    'contacts.already_linked': 'Это контактное лицо уже связано с организацией.',
  },
  en: {
    'contacts.only_organizations': 'Only organizations have contact persons.',
    'contacts.name_required': 'Enter the last or first name.',
    'contacts.person_client_not_found': 'No such individual client, or it is outside your access.',
    'contacts.already_linked': 'This contact person is already linked to the organization.',
  },
})

addMessages({
  ru: {
    'consents.contact_not_linked': 'Это контактное лицо не относится к клиенту.',
    'consents.already_withdrawn': 'Согласие уже отозвано.',
    'privacy.only_persons':
      'Стереть можно персональные данные физического лица; у организации сотрите данные её контактных лиц.',
    'privacy.already_erased': 'Персональные данные уже стёрты.',
    'clients.merge_self': 'Нельзя объединить клиента с самим собой.',
    'clients.merge_kind':
      'Объединять можно только клиентов одного вида (организации с организациями, физлиц с физлицами).',
    'clients.reassign_too_many': 'За один раз можно передать не больше {limit} клиентов — сузьте фильтр.',
  },
  en: {
    'consents.contact_not_linked': 'This contact person does not belong to the client.',
    'consents.already_withdrawn': 'The consent is already withdrawn.',
    'privacy.only_persons':
      'Personal data can be erased for an individual; for an organization, erase its contact persons.',
    'privacy.already_erased': 'The personal data is already erased.',
    'clients.merge_self': 'A client cannot be merged with itself.',
    'clients.merge_kind': 'Only clients of the same kind can be merged.',
    'clients.reassign_too_many': 'At most {limit} clients can be reassigned at once — narrow the filter.',
  },
})
