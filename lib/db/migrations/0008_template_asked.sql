ALTER TYPE "public"."revision_status" ADD VALUE 'template_asked';
