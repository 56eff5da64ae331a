import { mount } from 'svelte';
import './app/fonts.ts';
import './ui/board.css';
import App from './ui/App.svelte';

mount(App, { target: document.getElementById('app')! });
