/** Saved list views: filter, sort and columns of a list, private or shared; later used as segments and audiences. */

export { viewsRoutes } from './views.routes.ts'
export { type ViewDto, viewSchema } from './views.schemas.ts'
