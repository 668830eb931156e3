import { addMessages } from '../../platform/i18n/messages.ts'

addMessages({
  ru: {
    'classifiers.still_multiple':
      'Некоторые клиенты стоят в нескольких узлах этого классификатора — сначала оставьте каждому один.',
    'classifiers.parent_not_found': 'Такого узла в этом классификаторе нет.',
    'classifiers.move_into_itself': 'Узел нельзя перенести внутрь самого себя.',
    'classifiers.move_target_invalid': 'Выберите узел этого же классификатора вне удаляемой ветви.',
    'classifiers.rule_node_manual':
      'В узел с правилом клиенты попадают только по правилу, вручную их туда не ставят.',
    'classifiers.node_not_found': 'Такого узла нет.',
    'classifiers.exclusive': 'В классификаторе «{name}» клиент может стоять только в одном узле.',
    'classifiers.required': 'Этот классификатор обязателен: клиент должен стоять хотя бы в одном его узле.',
    'classifiers.rule_unknown_variable': 'Неизвестное условие: {variable}.',
    'classifiers.rule_bad_operator': 'Для «{variable}» такое сравнение не подходит.',
    'classifiers.rule_value_required': 'Для «{variable}» укажите значение.',
    'classifiers.unknown_node': 'Узла {id} нет.',
    'classifiers.sort_first': 'Сортировку по классификатору ставьте перед остальными.',
  },
  en: {
    'classifiers.still_multiple':
      'Some clients sit in several nodes of this classifier: leave each of them one first.',
    'classifiers.parent_not_found': 'There is no such node in this classifier.',
    'classifiers.move_into_itself': 'A node cannot be moved inside itself.',
    'classifiers.move_target_invalid':
      'Choose a node of the same classifier outside the branch being deleted.',
    'classifiers.rule_node_manual': 'Clients enter a rule node only by its rule, never by hand.',
    'classifiers.node_not_found': 'There is no such node.',
    'classifiers.exclusive': 'In “{name}” a client can sit in one node only.',
    'classifiers.required': 'This classifier is required: the client must sit in at least one of its nodes.',
    'classifiers.rule_unknown_variable': 'Unknown condition: {variable}.',
    'classifiers.rule_bad_operator': 'This comparison does not suit “{variable}”.',
    'classifiers.rule_value_required': 'Give a value for “{variable}”.',
    'classifiers.unknown_node': 'There is no node {id}.',
    'classifiers.sort_first': 'Put classifier sorting before the other keys.',
  },
})
