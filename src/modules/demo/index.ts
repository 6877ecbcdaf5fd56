export { seedDemo, demoUsers, demoOutlets, DEMO_PASSWORD } from './demo-seed.ts';
