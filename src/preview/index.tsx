/** Entry of the preview page (preview.html): the task pane beside a grid of the bundled sample, no Excel. */
import { createRoot } from 'react-dom/client';
import { browserStorage } from '../office/fromOffice';
import { startPreview } from './startPreview';

document.documentElement.lang = /^zh/i.test(navigator.language) ? 'zh-CN' : 'en';
void startPreview(createRoot(document.getElementById('root')!), browserStorage());
