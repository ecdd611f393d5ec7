import { z } from 'zod';
import { readBody } from '@/lib/api/body';
import { limitedResponse } from '@/lib/api/interview-http';
import { apiJson } from '@/lib/api/respond';
import { startInterview } from '@/lib/interview/service';
import { otherMethods } from '@/lib/api/methods';
import { VERSION_IDS } from '@/lib/protocol/versions';

const CreateBody = z
  .strictObject({
    locale: z.enum(['en'], { error: 'locale must be "en" (the only language so far).' }).optional(),
    protocolVersion: z
      .enum(VERSION_IDS, { error: `protocolVersion must be one of ${VERSION_IDS.map((v) => `"${v}"`).join(', ')}.` })
      .optional(),
  })
  .optional();

export async function POST(request: Request) {
  const limited = limitedResponse(request, 'create');
  if (limited) return limited;
  const body = await readBody(request, CreateBody);
  if (!body.ok) return body.response;
  return apiJson(await startInterview({ locale: body.data?.locale, protocolVersion: body.data?.protocolVersion }), 201);
}

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
