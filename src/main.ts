import { mount } from 'svelte';
import './app/fonts.ts';
import './ui/board.css';
import App from './ui/App.svelte';
import { wallLaunch } from './wall/wallLaunch.ts';

const target = document.getElementById('app')!;
// `?mode=wall` opens the unattended wall display instead of the interactive board.
if (wallLaunch(location.href).wall) void import('./ui/wall/mountWall.ts').then((wall) => wall.mountWall(target, location.href));
else mount(App, { target });
if (import.meta.env.PROD) void import('./app/offline/registerOfflineShell.ts').then((shell) => shell.registerOfflineShell());
