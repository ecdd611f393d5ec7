import 'server-only';
import { connection } from 'next/server';
import { env } from '../env';

/**
 * The emergency number set for this deployment. Read per request, never at build time, so a page prerendered during
 * the build cannot carry another deployment's number.
 */
export async function emergencyNumber(): Promise<string> {
  await connection();
  return env().EMERGENCY_NUMBER;
}
