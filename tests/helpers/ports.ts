export { freePort } from '../../dev/temporal-dev-server';
