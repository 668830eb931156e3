export type Locale = 'ru' | 'en'
export const LOCALES: readonly Locale[] = ['ru', 'en']

type Catalog = Record<string, string>

const en: Catalog = {
  'errors.validation': 'Some fields are filled in incorrectly.',
  'errors.bad_request': 'The request is malformed.',
  'errors.unauthenticated': 'Please sign in.',
  'errors.forbidden': 'You do not have permission to do this.',
  'errors.not_found': 'Not found.',
  'errors.conflict': 'This conflicts with existing data.',
  'errors.precondition_failed':
    'Someone else changed this record after you opened it. Reload it to see their changes, then apply yours again.',
  'errors.precondition_required':
    'The request must say which version of the record it changes (If-Match header).',
  'errors.payload_too_large': 'The request is too large.',
  'errors.unsupported_media_type': 'Unsupported content type.',
  'errors.rate_limited': 'Too many requests. Try again in a moment.',
  'errors.account_locked': 'Too many failed sign-in attempts. The account is locked until {until}.',
  'errors.csrf_failed': 'Your session check failed. Reload the page and try again.',
  'errors.internal': 'Something went wrong on our side. The error was logged; try again later.',
  'errors.unavailable': 'The service is temporarily unavailable.',
  'auth.invalid_credentials': 'Wrong e-mail or password.',
  'auth.inactive': 'This account is deactivated. Ask your administrator.',
  'auth.wrong_current_password': 'The current password is wrong.',
  'auth.password_too_weak': 'Use at least 10 characters, not only letters or only digits.',
  'auth.password_same': 'The new password must differ from the current one.',
  'users.email_taken': 'An employee with this e-mail already exists.',
  'users.role_not_found': 'No such role.',
  'users.team_not_found': 'No such team.',
  'users.cannot_deactivate_self': 'You cannot deactivate your own account.',
  'users.cannot_demote_last_admin': 'At least one active administrator must remain.',
  'teams.name_taken': 'A team with this name already exists.',
  'teams.head_not_found': 'No such employee.',
  'teams.has_members': 'Employees still in the team: {count}. Move them to another team first.',
  'roles.code_taken': 'A role with this code already exists.',
  'roles.system_readonly': 'Built-in roles cannot be changed. Make a copy and change the copy.',
  'roles.in_use': 'Employees with this role: {count}. Give them another role first.',
  'roles.unknown_permission': 'Unknown permission: {permission}.',
  'fields.time_zone': 'Unknown time zone.',
  'list.unknown_sort': 'Cannot sort by "{key}".',
  'list.page_too_deep': 'Pages go no further than {max} rows in: narrow the filter.',
  'custom.required': 'Required.',
  'custom.not_text': 'Enter text.',
  'custom.not_a_number': 'Enter a number, e.g. 1 234,5.',
  'custom.not_minor_units': 'Enter the amount in kopecks (cents) as a whole number.',
  'custom.not_a_boolean': 'Enter yes (true) or no (false).',
  'custom.not_an_option': 'Choose one of: {allowed}.',
  'custom.not_a_list': 'Choose values from the list: {allowed}.',
  'custom.bad_date': 'Enter a real date as YYYY-MM-DD.',
  'custom.bad_url': 'Enter a web address starting with http:// or https://.',
  'custom.too_long': 'At most {max} characters.',
  'custom.unknown_field': 'There is no such field.',
  'custom.not_applicable': 'This field is not used for this kind of client.',
  'custom.bad_filter': 'This filter does not suit a field of type {type}.',
  'custom_fields.key_taken': 'A field with this key already exists.',
  'custom_fields.key_reserved': 'This key is reserved; choose another one.',
  'custom_fields.key_immutable': 'The key of a field cannot be changed.',
  'custom_fields.type_immutable': 'The type of a field cannot be changed. Add a new field instead.',
  'custom_fields.label_required': 'Enter the name in Russian or in English.',
  'custom_fields.options_required': 'Add at least one option.',
  'custom_fields.options_forbidden': 'Only list fields (select, multiselect) have options.',
  'custom_fields.option_duplicate': 'The option "{value}" is already in the list.',
  'subjects.unknown_type': 'Unknown record type.',
  'notes.body_empty': 'The note is empty.',
  'notes.body_too_long': 'The note is too long: at most {kb} KB.',
  'notes.only_author': 'Only the author can change this note.',
  'notes.only_author_or_admin': 'Only the author or an administrator can delete this note.',
  'files.multipart_required': 'Send the file as multipart/form-data.',
  'files.file_required': 'Choose a file to upload.',
  'files.field_after_file': 'Send this field before the file.',
  'files.empty': 'The file is empty.',
  'files.too_large': 'The file is larger than {limit} MB.',
  'files.note_not_found': 'You have no such note on this record.',
  'files.only_uploader_or_admin':
    'Only the employee who uploaded the file or an administrator can delete it.',
  'notifications.nothing_to_mark': 'Say which notifications to mark as read, or mark them all.',
}

const ru: Catalog = {
  'errors.validation': 'Некоторые поля заполнены неверно.',
  'errors.bad_request': 'Некорректный запрос.',
  'errors.unauthenticated': 'Войдите в систему.',
  'errors.forbidden': 'У вас нет прав на это действие.',
  'errors.not_found': 'Не найдено.',
  'errors.conflict': 'Это противоречит уже сохранённым данным.',
  'errors.precondition_failed':
    'Запись изменил другой сотрудник, пока она была открыта у вас. Обновите её, чтобы увидеть его изменения, и внесите свои ещё раз.',
  'errors.precondition_required': 'Запрос должен указывать версию изменяемой записи (заголовок If-Match).',
  'errors.payload_too_large': 'Слишком большой запрос.',
  'errors.unsupported_media_type': 'Неподдерживаемый тип содержимого.',
  'errors.rate_limited': 'Слишком много запросов. Повторите чуть позже.',
  'errors.account_locked': 'Слишком много неудачных попыток входа. Учётная запись заблокирована до {until}.',
  'errors.csrf_failed': 'Проверка сеанса не пройдена. Обновите страницу и повторите.',
  'errors.internal': 'Что-то пошло не так на нашей стороне. Ошибка записана в журнал; повторите позже.',
  'errors.unavailable': 'Сервис временно недоступен.',
  'auth.invalid_credentials': 'Неверный e-mail или пароль.',
  'auth.inactive': 'Учётная запись отключена. Обратитесь к администратору.',
  'auth.wrong_current_password': 'Текущий пароль указан неверно.',
  'auth.password_too_weak': 'Используйте не меньше 10 символов, не только буквы и не только цифры.',
  'auth.password_same': 'Новый пароль должен отличаться от текущего.',
  'users.email_taken': 'Сотрудник с таким e-mail уже есть.',
  'users.role_not_found': 'Такой роли нет.',
  'users.team_not_found': 'Такого отдела нет.',
  'users.cannot_deactivate_self': 'Нельзя отключить собственную учётную запись.',
  'users.cannot_demote_last_admin': 'Должен остаться хотя бы один активный администратор.',
  'teams.name_taken': 'Отдел с таким названием уже есть.',
  'teams.head_not_found': 'Такого сотрудника нет.',
  'teams.has_members': 'В отделе ещё есть сотрудники: {count}. Сначала переведите их в другой отдел.',
  'roles.code_taken': 'Роль с таким кодом уже есть.',
  'roles.system_readonly': 'Встроенные роли менять нельзя. Создайте копию и измените её.',
  'roles.in_use': 'Эта роль назначена сотрудникам: {count}. Сначала назначьте им другую роль.',
  'roles.unknown_permission': 'Неизвестное право: {permission}.',
  'fields.time_zone': 'Неизвестный часовой пояс.',
  'list.unknown_sort': 'Нельзя сортировать по «{key}».',
  'list.page_too_deep': 'Дальше {max} строк страницы не листаются — уточните фильтр.',
  'custom.required': 'Обязательное поле.',
  'custom.not_text': 'Введите текст.',
  'custom.not_a_number': 'Введите число, например 1 234,5.',
  'custom.not_minor_units': 'Введите сумму в копейках целым числом.',
  'custom.not_a_boolean': 'Укажите «да» (true) или «нет» (false).',
  'custom.not_an_option': 'Выберите одно из значений: {allowed}.',
  'custom.not_a_list': 'Выберите значения из списка: {allowed}.',
  'custom.bad_date': 'Введите существующую дату в формате ГГГГ-ММ-ДД.',
  'custom.bad_url': 'Введите адрес сайта, начинающийся с http:// или https://.',
  'custom.too_long': 'Не длиннее {max} символов.',
  'custom.unknown_field': 'Такого поля нет.',
  'custom.not_applicable': 'Это поле не используется для клиентов этого вида.',
  'custom.bad_filter': 'Этот фильтр не подходит к полю типа «{type}».',
  'custom_fields.key_taken': 'Поле с таким ключом уже есть.',
  'custom_fields.key_reserved': 'Этот ключ зарезервирован, выберите другой.',
  'custom_fields.key_immutable': 'Ключ поля изменить нельзя.',
  'custom_fields.type_immutable': 'Тип поля изменить нельзя. Добавьте новое поле.',
  'custom_fields.label_required': 'Введите название на русском или английском.',
  'custom_fields.options_required': 'Добавьте хотя бы один вариант.',
  'custom_fields.options_forbidden': 'Варианты бывают только у полей-списков (выбор одного или нескольких).',
  'custom_fields.option_duplicate': 'Вариант «{value}» уже есть в списке.',
  'subjects.unknown_type': 'Неизвестный тип записи.',
  'notes.body_empty': 'Заметка пустая.',
  'notes.body_too_long': 'Заметка слишком длинная: не больше {kb} КБ.',
  'notes.only_author': 'Изменить заметку может только её автор.',
  'notes.only_author_or_admin': 'Удалить заметку может только её автор или администратор.',
  'files.multipart_required': 'Передайте файл как multipart/form-data.',
  'files.file_required': 'Выберите файл для загрузки.',
  'files.field_after_file': 'Это поле нужно передать до файла.',
  'files.empty': 'Файл пустой.',
  'files.too_large': 'Файл больше {limit} МБ.',
  'files.note_not_found': 'У вас нет такой заметки в этой записи.',
  'files.only_uploader_or_admin': 'Удалить файл может только загрузивший его сотрудник или администратор.',
  'notifications.nothing_to_mark': 'Укажите, какие уведомления отметить прочитанными, или отметьте все.',
}

export const catalogs: Record<Locale, Catalog> = { ru, en }

/** Modules add their own messages (both languages, same keys — a test checks every catalogue). */
export function addMessages(messages: Record<Locale, Catalog>): void {
  for (const locale of LOCALES) Object.assign(catalogs[locale], messages[locale])
}

export type MessageParams = Record<string, string | number>

export function translate(locale: Locale, key: string, params?: MessageParams): string {
  const template = catalogs[locale][key] ?? catalogs.en[key] ?? key
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
}

/** Picks ru or en from an Accept-Language header, by quality order. */
export function localeFromHeader(header: string | undefined, fallback: Locale): Locale {
  if (!header) return fallback
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';')
      const q = rest.find((p) => p.trim().startsWith('q='))
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 }
    })
    .sort((a, b) => b.q - a.q)
  for (const { tag } of ranked) {
    const base = tag.split('-')[0]
    if (base === 'ru' || base === 'en') return base
  }
  return fallback
}
