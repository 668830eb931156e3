import './i18n/i18n.ts'
import './global.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Providers } from './Providers.tsx'
import { AppRoutes } from './router.tsx'

const root = document.getElementById('root')
if (!root) throw new Error('#root is missing from index.html')

createRoot(root).render(
  <StrictMode>
    <Providers>
      <AppRoutes />
    </Providers>
  </StrictMode>,
)
