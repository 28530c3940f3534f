// The landing page only needs the language switch.
import { initPage } from './ui.js';

initPage();
