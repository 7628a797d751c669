import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Route, Routes } from 'react-router';
import { newQueryClient } from '../api/query-client.ts';
import { SessionProvider } from '../api/session.tsx';
import { LoginPage } from '../features/login/login-page.tsx';
import { HomePage } from '../features/namespaces/home-page.tsx';
import { NamespaceDetailPage } from '../features/namespaces/namespace-detail-page.tsx';
import { NotFoundPage } from '../features/not-found/not-found-page.tsx';
import { ArchivedWorkflowPage } from '../features/workflows/archived-workflow-page.tsx';
import { WorkflowDetailPage } from '../features/workflows/workflow-detail-page.tsx';
import { WorkflowsPage } from '../features/workflows/workflows-page.tsx';
import { SubmitWorkflowPage } from '../features/workflows/submit/submit-workflow-page.tsx';
import { ServiceCataloguePage } from '../features/services/service-catalogue-page.tsx';
import { ServiceInstancePage } from '../features/services/service-instance-page.tsx';
import { ServicesPage } from '../features/services/services-page.tsx';
import { StartServicePage } from '../features/services/start-service-page.tsx';
import { ProfilePage } from '../features/profile/profile-page.tsx';
import { RequireSession } from './require-session.tsx';
import { ShellLayout } from './shell-layout.tsx';

/** The routes: every URL is shareable; all but /login need a session. */
export function App() {
  const [queryClient] = useState(newQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<ShellLayout />}>
            <Route element={<RequireSession />}>
              <Route index element={<HomePage />} />
              <Route path="profile" element={<ProfilePage />} />
              <Route path="namespaces/:name" element={<NamespaceDetailPage />} />
              <Route path="workflows" element={<WorkflowsPage />} />
              <Route path="workflows/new" element={<SubmitWorkflowPage />} />
              <Route path="workflows/:namespace/:name" element={<WorkflowDetailPage />} />
              <Route path="archived-workflows/:namespace/:uid" element={<ArchivedWorkflowPage />} />
              <Route path="services" element={<ServicesPage />} />
              <Route path="services/catalogue" element={<ServiceCataloguePage />} />
              <Route path="services/new" element={<StartServicePage />} />
              <Route path="services/:namespace/:name" element={<ServiceInstancePage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </SessionProvider>
    </QueryClientProvider>
  );
}
