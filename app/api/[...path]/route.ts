import { notFoundMethods } from '@/lib/api/methods';

export const { GET, POST, PUT, PATCH, DELETE } = notFoundMethods();
