import type { Technique } from '../../model';
import type { Region } from '../../types';

const SPINE_WARNING = 'Keep the tool off your spine and off any bone.';

/**
 * The step catalogue, in order of priority within each region. Techniques and cautions come from the seed
 * articles and PROTOCOL.md section 5; the words are ours.
 */
export const TECHNIQUES: readonly Technique[] = [
  {
    id: 'upper_trapezius',
    regions: ['neck', 'shoulders'],
    area: 'shoulders',
    muscle: 'Upper trapezius (the muscle on top of your shoulder)',
    variants: [
      {
        tool: 'massage_ball',
        position: 'wall',
        perSide: true,
        instructions: `Stand in a wall corner. Put the ball between the top of your shoulder and the wall. Lean in gently and hold on a sore spot. ${SPINE_WARNING}`,
      },
      {
        tool: 'tennis_ball',
        position: 'wall',
        perSide: true,
        instructions: `Stand in a wall corner. Put the tennis ball between the top of your shoulder and the wall. Lean in gently and hold on a sore spot. ${SPINE_WARNING}`,
      },
      {
        tool: 'back_massager',
        position: 'chair',
        perSide: true,
        instructions: `Sit up tall. Hook the massager over your shoulder so the tip rests on the muscle on top of it. Pull down gently and hold. ${SPINE_WARNING}`,
      },
    ],
    sources: ['seed_back_massager', 'seed_trigger_points'],
  },
  {
    id: 'suboccipitals',
    regions: ['neck'],
    area: 'neck',
    muscle: 'Suboccipitals (the small muscles under the base of your skull)',
    variants: [
      {
        tool: 'double_ball',
        position: 'floor',
        perSide: false,
        instructions:
          'Lie on your back. Put the double ball under the base of your skull, with your spine in the gap between the balls. Let your head rest on it. Slowly turn your head a little from side to side. Never press on the front or sides of your neck.',
      },
      {
        tool: 'tennis_ball',
        position: 'floor',
        perSide: false,
        instructions:
          'Put two tennis balls in a sock and tie the end. Lie on your back with the balls under the base of your skull, your spine in the gap between them. Let your head rest on them. Slowly turn your head a little from side to side. Never press on the front or sides of your neck.',
      },
      {
        tool: 'double_ball',
        position: 'wall',
        perSide: false,
        instructions:
          'Sit or stand with your back to a wall. Put the double ball between the base of your skull and the wall, with your spine in the gap between the balls. Lean back lightly. Slowly turn your head a little from side to side. Never press on the front or sides of your neck.',
      },
      {
        tool: 'tennis_ball',
        position: 'wall',
        perSide: false,
        instructions:
          'Put two tennis balls in a sock and tie the end. Sit or stand with your back to a wall, the balls between the base of your skull and the wall, your spine in the gap. Lean back lightly. Slowly turn your head a little from side to side. Never press on the front or sides of your neck.',
      },
    ],
    sources: ['seed_double_ball', 'cks_neck'],
  },
  {
    id: 'infraspinatus',
    regions: ['shoulders'],
    area: 'upper_back',
    muscle: 'Infraspinatus (the muscle on your shoulder blade)',
    variants: [
      {
        tool: 'massage_ball',
        position: 'wall',
        perSide: true,
        instructions: `Stand with your back to a wall. Put the ball on the flat part of your shoulder blade. Lean in and move slowly until you find a sore spot, then hold. ${SPINE_WARNING}`,
      },
      {
        tool: 'tennis_ball',
        position: 'wall',
        perSide: true,
        instructions: `Stand with your back to a wall. Put the tennis ball on the flat part of your shoulder blade. Lean in and move slowly until you find a sore spot, then hold. ${SPINE_WARNING}`,
      },
      {
        tool: 'back_massager',
        position: 'chair',
        perSide: true,
        instructions: `Sit up tall. Reach the massager over your opposite shoulder and rest the tip on your shoulder blade. Pull gently and hold. ${SPINE_WARNING}`,
      },
    ],
    sources: ['seed_trigger_points', 'seed_double_ball'],
  },
  {
    id: 'pectoralis',
    regions: ['shoulders'],
    area: 'chest',
    muscle: 'Pectoralis (the chest muscle near your shoulder)',
    variants: [
      {
        tool: 'massage_ball',
        position: 'wall',
        perSide: true,
        instructions:
          'Face a wall or door frame. Put the ball on the front of your chest, just inside your shoulder, below the collarbone. Lean in gently and hold. Keep off the collarbone and the breast.',
      },
      {
        tool: 'tennis_ball',
        position: 'wall',
        perSide: true,
        instructions:
          'Face a wall or door frame. Put the tennis ball on the front of your chest, just inside your shoulder, below the collarbone. Lean in gently and hold. Keep off the collarbone and the breast.',
      },
    ],
    sources: ['seed_trigger_points'],
  },
  {
    id: 'upper_erectors',
    regions: ['upper_back'],
    area: 'upper_back',
    muscle: 'Erector spinae (the long muscles either side of your spine)',
    variants: [
      {
        tool: 'double_ball',
        position: 'wall',
        perSide: false,
        instructions:
          'Stand with your back to a wall. Put the double ball between your upper back and the wall, with your spine in the gap between the balls. Bend your knees a little to roll it slowly up and down. Stop on a sore spot and hold.',
      },
      {
        tool: 'tennis_ball',
        position: 'wall',
        perSide: false,
        instructions:
          'Put two tennis balls in a sock and tie the end. Stand with your back to a wall, the balls between your upper back and the wall, your spine in the gap between them. Bend your knees a little to roll slowly up and down. Stop on a sore spot and hold.',
      },
    ],
    sources: ['seed_double_ball'],
  },
  {
    id: 'rhomboids',
    regions: ['upper_back'],
    area: 'upper_back',
    muscle: 'Rhomboids (between your shoulder blade and your spine)',
    variants: [
      {
        tool: 'massage_ball',
        position: 'wall',
        perSide: true,
        instructions: `Stand with your back to a wall. Put the ball between your shoulder blade and your spine. Cross your arm over your chest to open the space. Lean in gently and hold. ${SPINE_WARNING}`,
      },
      {
        tool: 'tennis_ball',
        position: 'wall',
        perSide: true,
        instructions: `Stand with your back to a wall. Put the tennis ball between your shoulder blade and your spine. Cross your arm over your chest to open the space. Lean in gently and hold. ${SPINE_WARNING}`,
      },
      {
        tool: 'back_massager',
        position: 'chair',
        perSide: true,
        instructions: `Sit up tall. Reach the massager over your opposite shoulder and rest the tip between your shoulder blade and your spine. Pull gently and hold. ${SPINE_WARNING}`,
      },
    ],
    sources: ['seed_trigger_points', 'seed_back_massager'],
  },
  {
    id: 'upper_back_roll',
    regions: ['upper_back'],
    area: 'upper_back',
    muscle: 'Upper back muscles (across the shoulder blades)',
    standardOnly: true,
    variants: [
      {
        tool: 'foam_roller',
        position: 'floor',
        perSide: false,
        instructions:
          'Lie on your back with the foam roller across your upper back, below your neck. Support your head with your hands. Lift your hips and roll slowly up and down between your shoulder blades. Never roll your neck or lower back.',
      },
    ],
    sources: ['seed_foam_roller', 'bartsch_2021'],
  },
  {
    id: 'quadratus_lumborum',
    regions: ['lower_back', 'hips_glutes'],
    area: 'lower_back',
    muscle: 'Quadratus lumborum (the deep muscle between your lowest rib and your hip bone)',
    variants: [
      {
        tool: 'massage_ball',
        position: 'wall',
        perSide: true,
        instructions:
          'Stand with your back to a wall. Put the ball 8 to 10 cm (3 to 4 inches) to the side of your spine, between your lowest rib and the top of your hip bone. Lean in gently and hold. Never on the spine, the ribs or the hip bone.',
      },
      {
        tool: 'tennis_ball',
        position: 'wall',
        perSide: true,
        instructions:
          'Stand with your back to a wall. Put the tennis ball 8 to 10 cm (3 to 4 inches) to the side of your spine, between your lowest rib and the top of your hip bone. Lean in gently and hold. Never on the spine, the ribs or the hip bone.',
      },
      {
        tool: 'back_massager',
        position: 'chair',
        perSide: true,
        instructions:
          'Sit with the massager between your lower back and the back of the chair, 8 to 10 cm (3 to 4 inches) to the side of your spine, between your lowest rib and your hip bone. Lean back gently and hold. Never on the spine, the ribs or the hip bone.',
      },
    ],
    sources: ['seed_back_massager', 'seed_foam_roller'],
  },
  {
    id: 'glutes',
    regions: ['lower_back', 'hips_glutes'],
    area: 'hips_glutes',
    muscle: 'Gluteal muscles (your buttock)',
    variants: [
      {
        tool: 'massage_ball',
        position: 'wall',
        perSide: true,
        instructions:
          'Stand with your back to a wall. Put the ball on the fleshy part of your buttock. Lean in and move slowly until you find a sore spot, then hold. Keep off the hip bone and the tailbone.',
      },
      {
        tool: 'tennis_ball',
        position: 'wall',
        perSide: true,
        instructions:
          'Stand with your back to a wall. Put the tennis ball on the fleshy part of your buttock. Lean in and move slowly until you find a sore spot, then hold. Keep off the hip bone and the tailbone.',
      },
      {
        tool: 'foam_roller',
        position: 'floor',
        perSide: true,
        instructions:
          'Sit on the foam roller with your hands on the floor behind you. Lean onto one buttock and roll slowly over the fleshy part. Keep off the tailbone and your lower back.',
      },
      {
        tool: 'back_massager',
        position: 'floor',
        perSide: true,
        instructions:
          'Lie on your back with the massager under the fleshy part of one buttock. Let your weight settle onto it gently and hold. Keep off the hip bone and the tailbone.',
      },
    ],
    sources: ['seed_foam_roller', 'seed_back_massager'],
  },
  {
    id: 'piriformis',
    regions: ['hips_glutes'],
    area: 'hips_glutes',
    muscle: 'Piriformis (deep in the middle of your buttock)',
    variants: [
      {
        tool: 'massage_ball',
        position: 'wall',
        perSide: true,
        instructions:
          'Stand with your back to a wall. Put the ball in the middle of your buttock. Cross that ankle over the other knee if you can balance, or hold a chair. Lean in gently and hold. Stop if you feel tingling down your leg.',
      },
      {
        tool: 'tennis_ball',
        position: 'wall',
        perSide: true,
        instructions:
          'Stand with your back to a wall. Put the tennis ball in the middle of your buttock. Cross that ankle over the other knee if you can balance, or hold a chair. Lean in gently and hold. Stop if you feel tingling down your leg.',
      },
    ],
    sources: ['seed_foam_roller', 'seed_trigger_points'],
  },
];

/**
 * Referred pain: when a region alone cannot fill a plan, the muscles of these regions are the next source to work
 * (PROTOCOL.md section 5 and the seed articles: lower-back pain often comes from the glutes, and the reverse).
 */
export const NEIGHBOUR_REGIONS: Record<Region, readonly Region[]> = {
  neck: ['shoulders', 'upper_back'],
  shoulders: ['neck', 'upper_back'],
  upper_back: ['shoulders', 'neck'],
  lower_back: ['hips_glutes'],
  hips_glutes: ['lower_back'],
};
