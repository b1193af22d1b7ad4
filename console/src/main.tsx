import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/notifications/styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.js'

const root = document.getElementById('root')
if (!root) throw new Error('no #root element')
// An error an error boundary caught is shown in the page; the browser console gets a warning, not an error.
createRoot(root, { onCaughtError: (error) => console.warn('Keyward console: a view failed to render', error) }).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
