import { Skeleton } from 'antd'
import { lazy, Suspense } from 'react'
import { Route, Routes } from 'react-router'
import { ActivityTypesPage } from '../pages/ActivityTypesPage.tsx'
import { AuditPage } from '../pages/AuditPage.tsx'
import { ClassifierMovementsPage } from '../pages/ClassifierMovementsPage.tsx'
import { ClassifiersPage } from '../pages/ClassifiersPage.tsx'
import { ClientEditPage } from '../pages/ClientEditPage.tsx'
import { ClientNewPage } from '../pages/ClientNewPage.tsx'
import { ClientPage } from '../pages/ClientPage.tsx'
import { ClientsPage } from '../pages/ClientsPage.tsx'
import { CustomFieldsPage } from '../pages/CustomFieldsPage.tsx'
import { EmployeesPage } from '../pages/EmployeesPage.tsx'
import { HomePage } from '../pages/HomePage.tsx'
import { ImportPage } from '../pages/ImportPage.tsx'
import { LoginPage } from '../pages/LoginPage.tsx'
import { MailSettingsPage } from '../pages/MailSettingsPage.tsx'
import { MyDayPage } from '../pages/MyDayPage.tsx'
import { NotFoundPage } from '../pages/NotFoundPage.tsx'
import { ProfilePage } from '../pages/ProfilePage.tsx'
import { RolesPage } from '../pages/RolesPage.tsx'
import { TasksPage } from '../pages/TasksPage.tsx'
import { TeamsPage } from '../pages/TeamsPage.tsx'
import { PAGE_ACCESS } from './access.ts'
import { RequireAccess } from './auth/RequireAccess.tsx'
import { RequireAuth } from './auth/RequireAuth.tsx'
import { AppLayout } from './layout/AppLayout.tsx'
import {
  ACTIVITY_TYPES_ACCESS,
  CLASSIFIER_PAGE_ACCESS,
  IMPORT_ACCESS,
  MAIL_SETTINGS_ACCESS,
  ORGANIZER_ACCESS,
  TASKS_ACCESS,
} from './layout/navigation.ts'

// The calendar brings FullCalendar (~400 kB): loaded when the page is first opened, not with the app.
const CalendarPage = lazy(() =>
  import('../pages/CalendarPage.tsx').then((m) => ({ default: m.CalendarPage })),
)

/** Every page and who may open it (the side navigation uses the same access rules). */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route
          path="organizer"
          element={
            <RequireAccess access={ORGANIZER_ACCESS}>
              <MyDayPage />
            </RequireAccess>
          }
        />
        <Route
          path="calendar"
          element={
            <RequireAccess access={ORGANIZER_ACCESS}>
              <Suspense fallback={<Skeleton active />}>
                <CalendarPage />
              </Suspense>
            </RequireAccess>
          }
        />
        <Route
          path="tasks"
          element={
            <RequireAccess access={TASKS_ACCESS}>
              <TasksPage />
            </RequireAccess>
          }
        />
        <Route
          path="clients"
          element={
            <RequireAccess access={PAGE_ACCESS.clients}>
              <ClientsPage />
            </RequireAccess>
          }
        />
        <Route
          path="clients/new"
          element={
            <RequireAccess access={PAGE_ACCESS.clientCreate}>
              <ClientNewPage />
            </RequireAccess>
          }
        />
        <Route
          path="clients/import"
          element={
            <RequireAccess access={IMPORT_ACCESS}>
              <ImportPage />
            </RequireAccess>
          }
        />
        <Route
          path="clients/import/:id"
          element={
            <RequireAccess access={IMPORT_ACCESS}>
              <ImportPage />
            </RequireAccess>
          }
        />
        <Route
          path="clients/movements"
          element={
            <RequireAccess access={CLASSIFIER_PAGE_ACCESS.classifierMovements}>
              <ClassifierMovementsPage />
            </RequireAccess>
          }
        />
        <Route
          path="clients/:id"
          element={
            <RequireAccess access={PAGE_ACCESS.clients}>
              <ClientPage />
            </RequireAccess>
          }
        />
        <Route
          path="clients/:id/edit"
          element={
            <RequireAccess access={PAGE_ACCESS.clientEdit}>
              <ClientEditPage />
            </RequireAccess>
          }
        />
        <Route
          path="admin/employees"
          element={
            <RequireAccess access={PAGE_ACCESS.employees}>
              <EmployeesPage />
            </RequireAccess>
          }
        />
        <Route
          path="admin/teams"
          element={
            <RequireAccess access={PAGE_ACCESS.teams}>
              <TeamsPage />
            </RequireAccess>
          }
        />
        <Route
          path="admin/roles"
          element={
            <RequireAccess access={PAGE_ACCESS.roles}>
              <RolesPage />
            </RequireAccess>
          }
        />
        <Route
          path="admin/custom-fields"
          element={
            <RequireAccess access={PAGE_ACCESS.customFields}>
              <CustomFieldsPage />
            </RequireAccess>
          }
        />
        <Route
          path="admin/classifiers"
          element={
            <RequireAccess access={CLASSIFIER_PAGE_ACCESS.classifiers}>
              <ClassifiersPage />
            </RequireAccess>
          }
        />
        <Route
          path="admin/activity-types"
          element={
            <RequireAccess access={ACTIVITY_TYPES_ACCESS}>
              <ActivityTypesPage />
            </RequireAccess>
          }
        />
        <Route
          path="admin/mail"
          element={
            <RequireAccess access={MAIL_SETTINGS_ACCESS}>
              <MailSettingsPage />
            </RequireAccess>
          }
        />
        <Route
          path="admin/audit"
          element={
            <RequireAccess access={PAGE_ACCESS.audit}>
              <AuditPage />
            </RequireAccess>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
