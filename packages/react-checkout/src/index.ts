'use client';
export * from './core/index.js';
