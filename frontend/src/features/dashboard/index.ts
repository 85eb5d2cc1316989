/** The home page's dashboard (the app composes it into features/home's page). */
export { Dashboard, type DashboardProps } from './components/Dashboard';
