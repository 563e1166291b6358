import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { CrossroadsProvider, createCrossroadsClient } from '@crossroads/web-data-access';
import { routes } from './app/routes.js';
import './styles.css';

const { client, session } = createCrossroadsClient();
// Restore a signed-in session from the refresh cookie; requests wait for it.
void session.start();

const router = createBrowserRouter(routes);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <CrossroadsProvider client={client} session={session}>
      <RouterProvider router={router} />
    </CrossroadsProvider>
  </StrictMode>,
);
