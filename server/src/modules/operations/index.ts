/** Long operations on many records: started by a command, run in batches by jobs, followed by their creator. */
export { operationsRoutes } from './operations.routes.ts'
export { type OperationDto, operationStartedSchema } from './operations.schemas.ts'
export {
  OPERATION_STEP_JOB,
  type OperationContext,
  type OperationFailureHandler,
  type OperationStep,
  type OperationSteps,
  onOperationFailure,
  runOperationStep,
  type StepOutcome,
  startOperation,
} from './operations.service.ts'
