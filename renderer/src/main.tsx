// Entry point: mounts the app. Everything the UI needs comes from window.audit.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './app.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
